/**
 * The bridge between Jornada and the journey engine, through the Camunda client only: deploys the
 * BPMN journeys and DMN decisions, and turns lead signals (including the journey outbox's messages,
 * among them scoring's {@code lead-hot}) into messages that start and advance journeys. Works the same against the embedded engine and a Camunda 8 cluster.
 */
package io.jornada.journey;
