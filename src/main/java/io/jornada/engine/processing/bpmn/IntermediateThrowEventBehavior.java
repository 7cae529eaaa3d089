package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.EventType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/** Intermediate throw events: a none throw event passes through; a signal throw event broadcasts its signal, then continues. */
final class IntermediateThrowEventBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (!bpmn.variables().applyInputs(instance, element)) {
      return;
    }
    if (element.eventType() == EventType.SIGNAL && !bpmn.signals().throwSignal(instance, element)) {
      return;
    }
    if (bpmn.variables().applyOutputs(instance, element, Map.of())) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }
}
