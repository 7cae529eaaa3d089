/**
 * Benchmark harnesses behind {@code ./jornada bench …}.
 *
 * <ul>
 *   <li>{@code engine}: the standalone engine in a process of its own, driven over HTTP by the
 *       unmodified Camunda client and a real job worker, plus the whole application for the
 *       lead-nurture journey; nothing here touches engine classes.
 *   <li>{@code ingest}: runs inside the application, drives the public HTTP API and the ingest
 *       stream like clients do, and observes the embedded engine's exporter stream (an {@link
 *       io.jornada.engine.EngineListener}) to time when a journey reacts. The only package besides
 *       {@code gateway} that may read the engine, and only its events.
 * </ul>
 */
package io.jornada.bench;
