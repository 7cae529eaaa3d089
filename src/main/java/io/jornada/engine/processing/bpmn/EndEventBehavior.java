package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.EventType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;

/** End events: a none end event ends its path; a signal end event broadcasts its signal first. */
final class EndEventBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (element.eventType() == EventType.SIGNAL && !(bpmn.variables().applyInputs(instance, element) && bpmn.signals().throwSignal(instance, element))) {
      return;
    }
    bpmn.complete(instance, element.outgoing(), null);
  }
}
