package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.EventType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.EnumMap;
import java.util.Map;

/**
 * End event: what it does depends on its event definition (none, error, terminate, signal, or a
 * message, whose job a worker completes before the path ends).
 */
final class EndEventBehavior implements BpmnElementBehavior {

  private final Map<EventType, BpmnElementBehavior> byEventType = new EnumMap<>(EventType.class);

  EndEventBehavior() {
    byEventType.put(EventType.NONE, new NoneEventBehavior());
    byEventType.put(EventType.ERROR, new ErrorEndEventBehavior());
    byEventType.put(EventType.TERMINATE, new TerminateEndEventBehavior());
    byEventType.put(EventType.SIGNAL, new SignalEndEventBehavior());
    byEventType.put(EventType.MESSAGE, new ServiceTaskBehavior());
  }

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    byEventType.get(element.eventType()).onActivate(bpmn, instance, element, trigger);
  }

  @Override
  public void onJobCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {
    byEventType.get(element.eventType()).onJobCompleted(bpmn, instance, element, variables);
  }
}
