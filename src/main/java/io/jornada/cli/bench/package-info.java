/**
 * Benchmark harnesses run by {@code ./jornada bench …}. They drive Jornada from the outside, the
 * way users do: the engine through the unmodified Camunda client over HTTP, in its own process.
 */
package io.jornada.cli.bench;
