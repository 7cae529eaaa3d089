package io.jornada.engine;

import io.jornada.engine.event.EngineEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where the engine records the events of each command. Replaying it rebuilds state, so nothing is
 * acknowledged before the events that produced the answer are recorded.
 */
public interface EventLog extends AutoCloseable {

  /**
   * Appends the events of one command as one unit. The future completes once they are durable;
   * futures complete in the order of the appends.
   */
  CompletableFuture<Void> append(List<EngineEvent> events);

  /** Hands every recorded event to {@code consumer}, in order. */
  void replay(Consumer<EngineEvent> consumer);

  /**
   * Replaces everything logged so far with a snapshot: {@code snapshot} writes the current state,
   * as events, to the sink it is given. Logs that keep nothing on disk need no snapshot.
   */
  default void compact(Consumer<Consumer<List<EngineEvent>>> snapshot) {}

  @Override
  void close();
}
