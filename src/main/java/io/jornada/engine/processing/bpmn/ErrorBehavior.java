package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.EventType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * BPMN errors, thrown by an error end event or by a job worker. The search for a catch starts at
 * the throwing element and goes outward: at each element instance, first the error start events of
 * the event subprocesses inside it, then the error boundary events attached to it; from a process
 * instance that a call activity created, it goes on at that call activity. In each place an error
 * code that matches wins over a catch event without code, which catches any error. An error nothing
 * catches raises an incident on the throwing element.
 */
public final class ErrorBehavior {

  private final BpmnBehaviors bpmn;

  ErrorBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  /**
   * Throws the error from {@code thrower}. {@code variables} become local variables of the catch
   * event; {@code jobKey} is the job that threw it, or -1.
   */
  public void throwError(ElementInstance thrower, String errorCode, String errorMessage, Map<String, Object> variables, long jobKey) {
    EventTrigger trigger = new EventTrigger(null, variables == null ? Map.of() : variables);
    ElementInstance instance = thrower;
    while (instance != null) {
      ExecutableElement element = bpmn.elementOf(instance);
      ExecutableElement start = match(element.eventSubProcesses().stream().map(ExecutableElement::startEvent).toList(), errorCode);
      if (start != null) {
        bpmn.eventScopes().triggerEventSubProcess(instance, start, trigger);
        return;
      }
      ExecutableElement boundary = match(element.boundaryEvents(), errorCode);
      if (boundary != null) {
        bpmn.eventScopes().triggerBoundaryEvent(instance, boundary, trigger);
        return;
      }
      instance = outerOf(instance);
    }
    String withMessage = errorMessage == null || errorMessage.isEmpty() ? "" : " with message '" + errorMessage + "'";
    bpmn.incidents().raise(thrower, "UNHANDLED_ERROR_EVENT", "Expected to throw an error event with the code '" + errorCode + "'" + withMessage
        + ", but it was not caught. No error events are available in the scope.", jobKey);
  }

  /** The flow scope instance, or for a process instance the call activity that created it; null at the top. */
  private ElementInstance outerOf(ElementInstance instance) {
    if (instance.flowScopeKey() >= 0) {
      return bpmn.state().elementInstance(instance.flowScopeKey()).orElse(null);
    }
    OptionalLong caller = bpmn.state().callingElementInstance(instance.key());
    return caller.isPresent() ? bpmn.state().elementInstance(caller.getAsLong()).orElse(null) : null;
  }

  /** The error catch event for this code among {@code catchEvents}: one with the same code, else one without code, else null. */
  private static ExecutableElement match(List<ExecutableElement> catchEvents, String errorCode) {
    ExecutableElement catchAll = null;
    for (ExecutableElement catchEvent : catchEvents) {
      if (catchEvent.eventType() != EventType.ERROR) {
        continue;
      }
      if (catchEvent.errorCode() == null) {
        catchAll = catchAll == null ? catchEvent : catchAll;
      } else if (catchEvent.errorCode().text().equals(errorCode)) {
        return catchEvent;
      }
    }
    return catchAll;
  }
}
