package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;

/**
 * Receive task: waits for its message like a message intermediate catch event. A buffered message
 * correlates at once (the oldest first); the message's variables go through the output mappings.
 */
final class ReceiveTaskBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (bpmn.variables().applyInputs(instance, element) && bpmn.events().openSubscription(instance, element)) {
      bpmn.events().correlateBufferedMessages(instance);
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
