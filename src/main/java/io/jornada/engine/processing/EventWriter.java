package io.jornada.engine.processing;

import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.state.EventAppliers;
import java.util.ArrayList;
import java.util.List;

/** Writes events: applies each to state at once and collects the batch that the command produced. */
public final class EventWriter {

  private final EventAppliers appliers;
  private final List<EngineEvent> batch = new ArrayList<>();

  public EventWriter(EventAppliers appliers) {
    this.appliers = appliers;
  }

  public void write(EngineEvent event) {
    appliers.apply(event);
    batch.add(event);
  }

  /** The events written since the last call, handed over once. */
  public List<EngineEvent> drain() {
    List<EngineEvent> events = List.copyOf(batch);
    batch.clear();
    return events;
  }
}
