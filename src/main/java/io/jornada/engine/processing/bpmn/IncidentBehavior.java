package io.jornada.engine.processing.bpmn;

import io.jornada.engine.EngineClock;
import io.jornada.engine.event.IncidentEvents.IncidentCreated;
import io.jornada.engine.processing.EventWriter;
import io.jornada.engine.state.ElementInstance;
import io.jornada.engine.state.EngineState;

/** Raises incidents: the element stays where it is until an operator resolves the problem. */
public final class IncidentBehavior {

  private final EngineState state;
  private final EventWriter writer;
  private final EngineClock clock;

  IncidentBehavior(EngineState state, EventWriter writer, EngineClock clock) {
    this.state = state;
    this.writer = writer;
    this.clock = clock;
  }

  void raise(ElementInstance instance, String errorType, String message) {
    raise(instance, errorType, message, -1);
  }

  public void raise(ElementInstance instance, String errorType, String message, long jobKey) {
    writer.write(new IncidentCreated(state.nextKey(), instance.processInstanceKey(), instance.key(), instance.elementId(), errorType, message, jobKey, clock.millis(), false));
  }

  /** An incident in the element's completion (an output mapping): resolving it retries the completion. */
  void raiseOnCompletion(ElementInstance instance, String errorType, String message) {
    writer.write(new IncidentCreated(state.nextKey(), instance.processInstanceKey(), instance.key(), instance.elementId(), errorType, message, -1, clock.millis(), true));
  }
}
