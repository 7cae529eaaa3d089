package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * Event subprocess: entered inside its scope when its start event's message, timer or error
 * occurred (see {@link EventScopeBehavior}). Input mappings create its local variables; only its
 * output mappings take variables out. It has no outgoing flows: when its last path ends it
 * completes, and its scope completes once nothing else is active in it.
 */
final class EventSubProcessBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (bpmn.variables().applyInputs(instance, element)) {
      bpmn.activate(instance, element.startEvent(), trigger);
    }
  }

  @Override
  public void onChildrenCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element) {
    if (bpmn.variables().applyOutputs(instance, element, Map.of())) {
      bpmn.complete(instance, List.of(), null);
    }
  }
}
