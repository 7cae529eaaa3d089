/**
 * Jornada's embedded, Camunda-8-compatible workflow engine.
 *
 * <p>Plain Java, no Spring and no journey code. One writer thread takes commands in order, turns
 * them into events, and state changes only by applying those events ({@code state} and {@code
 * event}). {@link io.jornada.engine.Engine} is the only entry point; the REST facade lives in the
 * {@code gateway} package.
 */
package io.jornada.engine;
