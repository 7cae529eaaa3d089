package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.model.ExecutableFlow;
import io.jornada.engine.state.ElementInstance;
import java.util.List;

/**
 * Event-based gateway: waits for the first of the events after it. The gateway itself holds the
 * subscriptions and timers; the event that occurs first wins and the others are closed.
 */
final class EventBasedGatewayBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    for (ExecutableFlow flow : element.outgoing()) {
      ExecutableElement target = bpmn.process(instance).element(flow.targetId());
      boolean opened = switch (target.eventType()) {
        case MESSAGE -> bpmn.events().openSubscription(instance, target);
        case SIGNAL -> bpmn.signals().openSubscription(instance, target);
        default -> bpmn.events().createTimer(instance, target);
      };
      if (!opened) {
        bpmn.events().closeAll(instance);
        return;
      }
    }
    bpmn.events().correlateBufferedMessages(instance);
  }

  @Override
  public void onEventOccurred(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    bpmn.events().closeAll(instance);
    ExecutableFlow chosen =
        element.outgoing().stream().filter(f -> f.targetId().equals(trigger.targetElementId())).findFirst().orElseThrow();
    bpmn.complete(instance, List.of(chosen), trigger);
  }
}
