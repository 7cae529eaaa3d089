package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/** Manual and undefined tasks: the engine completes them at once, applying their input and output mappings. */
final class PassThroughTaskBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (bpmn.variables().applyInputs(instance, element) && bpmn.variables().applyOutputs(instance, element, Map.of())) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }
}
