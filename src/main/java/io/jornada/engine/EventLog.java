package io.jornada.engine;

import io.jornada.engine.event.EngineEvent;
import java.util.List;

/** Where the engine appends the events of each command before it answers. Replaying it rebuilds state. */
public interface EventLog {

  /** Appends the events of one command, in order. */
  void append(List<EngineEvent> events);

  /** Every event appended so far, in order. */
  List<EngineEvent> readAll();
}
