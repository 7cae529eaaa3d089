package io.jornada.engine;

import io.jornada.engine.event.EngineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The event log kept in memory: the source of truth while the engine runs, lost when the process
 * ends. For tests and throw-away runs; {@link io.jornada.engine.journal.FileJournal} is the durable one.
 */
public final class InMemoryEventLog implements EventLog {

  private final List<EngineEvent> events = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<Void> append(List<EngineEvent> batch) {
    events.addAll(batch);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized void replay(Consumer<EngineEvent> consumer) {
    events.forEach(consumer);
  }

  @Override
  public void close() {
    // nothing to release: the events live as long as this object
  }
}
