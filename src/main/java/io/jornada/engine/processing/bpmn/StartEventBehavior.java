package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;

/**
 * Start event: passed through at once. The start event of an event subprocess first takes the
 * variables of the message or error that triggered it, as catch events do.
 */
final class StartEventBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (trigger == null || bpmn.variables().applyEventOutputs(instance, element, trigger.variables())) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }
}
