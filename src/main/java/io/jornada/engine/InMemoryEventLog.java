package io.jornada.engine;

import io.jornada.engine.event.EngineEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The event log kept in memory: the source of truth while the engine runs, lost when it stops.
 * A durable, compacted journal replaces it for production runs.
 */
public final class InMemoryEventLog implements EventLog {

  private final List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void append(List<EngineEvent> batch) {
    events.addAll(batch);
  }

  @Override
  public List<EngineEvent> readAll() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }
}
