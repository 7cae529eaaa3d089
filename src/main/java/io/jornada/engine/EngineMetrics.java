package io.jornada.engine;

/**
 * What the engine reports about its work, for whoever measures it (the application binds it to
 * Micrometer). Called on the engine's writer thread: implementations must be cheap and never block.
 */
public interface EngineMetrics {

  EngineMetrics NONE = new EngineMetrics() {};

  /** A command was processed into {@code events} events in {@code nanos}. */
  default void commandProcessed(String command, int events, long nanos) {}
}
