package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/**
 * Embedded subprocess: a scope of its own. Input mappings create its local variables, its none
 * start event is entered, and it completes (applying output mappings) when its last path ends.
 */
final class SubProcessBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (bpmn.variables().applyInputs(instance, element)) {
      bpmn.activateIn(instance, element.startEvent());
    }
  }

  @Override
  public void onChildrenCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element) {
    if (bpmn.variables().applyOutputs(instance, element, Map.of())) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }
}
