/**
 * Benchmarks run inside the application ({@code ./jornada bench ingest}): they drive the public
 * HTTP API and the ingest stream like clients do, and observe the embedded engine's exporter
 * stream (an {@link io.jornada.engine.EngineListener}) to time when a journey reacts. The only
 * package besides {@code gateway} that may read the engine, and only its events.
 */
package io.jornada.bench;
