package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/** Service task: creates a job for a worker and completes when the job does. */
final class ServiceTaskBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (bpmn.variables().applyInputs(instance, element)) {
      bpmn.jobs().create(instance, element);
    }
  }

  @Override
  public void onJobCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {
    if (bpmn.variables().applyOutputs(instance, element, variables)) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }
}
