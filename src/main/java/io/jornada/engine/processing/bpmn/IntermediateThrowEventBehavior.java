package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.EventType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/**
 * Intermediate throw events: a none throw event passes through; a signal throw event broadcasts its
 * signal, then continues; a link throw event continues at its link catch event; a message throw
 * event creates a job and continues when a worker completes it.
 */
final class IntermediateThrowEventBehavior implements BpmnElementBehavior {

  private final ServiceTaskBehavior jobWorker = new ServiceTaskBehavior();

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (element.eventType() == EventType.MESSAGE) {
      jobWorker.onActivate(bpmn, instance, element, trigger);
      return;
    }
    if (!bpmn.variables().applyInputs(instance, element)) {
      return;
    }
    if (element.eventType() == EventType.SIGNAL && !bpmn.signals().throwSignal(instance, element)) {
      return;
    }
    if (bpmn.variables().applyOutputs(instance, element, Map.of())) {
      bpmn.leave(instance, element);
    }
  }

  @Override
  public void onJobCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {
    jobWorker.onJobCompleted(bpmn, instance, element, variables);
  }
}
