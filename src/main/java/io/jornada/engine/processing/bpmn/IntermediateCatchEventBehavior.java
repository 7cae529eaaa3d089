package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.EventType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/**
 * Intermediate message, timer or signal catch event: waits, unless it was entered because its event
 * already occurred. A link catch event, entered from its link throw event, passes through.
 */
final class IntermediateCatchEventBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (trigger != null) {
      onEventOccurred(bpmn, instance, element, trigger);
      return;
    }
    if (!bpmn.variables().applyInputs(instance, element)) {
      return;
    }
    if (element.eventType() == EventType.MESSAGE) {
      if (bpmn.events().openSubscription(instance, element)) {
        bpmn.events().correlateBufferedMessages(instance);
      }
    } else if (element.eventType() == EventType.SIGNAL) {
      bpmn.signals().openSubscription(instance, element);
    } else if (element.eventType() == EventType.LINK) {
      onEventOccurred(bpmn, instance, element, new EventTrigger(element.id(), Map.of()));
    } else {
      bpmn.events().createTimer(instance, element);
    }
  }

  @Override
  public void onEventOccurred(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    bpmn.events().closeAll(instance);
    if (bpmn.variables().applyOutputs(instance, element, trigger.variables())) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }
}
