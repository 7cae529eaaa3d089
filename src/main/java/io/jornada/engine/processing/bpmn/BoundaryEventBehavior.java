package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;

/**
 * Boundary event: entered beside its activity when its message, timer or error occurred (see
 * {@link EventScopeBehavior}); takes the event's variables and leaves through its outgoing flows.
 */
final class BoundaryEventBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (bpmn.variables().applyEventOutputs(instance, element, trigger.variables())) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }
}
