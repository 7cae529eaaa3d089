package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.MessageEvents.SubscriptionClosed;
import io.jornada.engine.event.SignalEvents.SignalSubscriptionClosed;
import io.jornada.engine.event.TimerEvents.TimerCanceled;
import io.jornada.engine.model.ElementType;
import io.jornada.engine.model.EventType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import io.jornada.engine.state.EngineState;
import java.util.ArrayList;
import java.util.List;

/**
 * The events an element instance waits for besides its own: those of the boundary events attached
 * to an activity, and those of the start events of the event subprocesses inside a process or
 * subprocess. The element instance holds their subscriptions and timers, so they close when it
 * completes or is terminated. When one occurs, an interrupting boundary event terminates the
 * activity, an interrupting event subprocess everything else in its scope.
 */
final class EventScopeBehavior {

  private final BpmnBehaviors bpmn;

  EventScopeBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  /**
   * After an element was activated (and is still active without incident): opens the message and
   * signal subscriptions and timers of its boundary events and of its event subprocesses' start events.
   */
  void open(ElementInstance instance, ExecutableElement element) {
    List<ExecutableElement> catchEvents = catchEventsOf(element);
    EngineState state = bpmn.state();
    if (catchEvents.isEmpty() || state.elementInstance(instance.key()).isEmpty() || !state.incidentsOf(instance.key()).isEmpty()) {
      return;
    }
    for (ExecutableElement catchEvent : catchEvents) {
      boolean opened = switch (catchEvent.eventType()) {
        case MESSAGE -> bpmn.events().openSubscription(instance, catchEvent);
        case TIMER -> bpmn.events().createTimer(instance, catchEvent);
        case SIGNAL -> bpmn.signals().openSubscription(instance, catchEvent);
        default -> true;
      };
      if (!opened) {
        return;
      }
    }
    bpmn.events().correlateBufferedMessages(instance);
  }

  /** Whether {@code target} is one of the element's boundary events or one of its event subprocesses' start events. */
  boolean waitsFor(ExecutableElement element, ExecutableElement target) {
    return target != null && catchEventsOf(element).contains(target);
  }

  /** A message, signal or timer of a boundary event or an event subprocess start event occurred. */
  void trigger(ElementInstance instance, ExecutableElement target, EventTrigger trigger) {
    if (target.type() == ElementType.BOUNDARY_EVENT) {
      triggerBoundaryEvent(instance, target, trigger);
    } else {
      triggerEventSubProcess(instance, target, trigger);
    }
  }

  /** Enters the boundary event beside the activity; an interrupting one first terminates the activity and everything inside it. */
  void triggerBoundaryEvent(ElementInstance activity, ExecutableElement boundaryEvent, EventTrigger trigger) {
    ElementInstance flowScope = bpmn.state().elementInstance(activity.flowScopeKey()).orElseThrow();
    if (boundaryEvent.interrupting()) {
      bpmn.terminate(activity);
    }
    bpmn.activate(flowScope, boundaryEvent, trigger);
  }

  /**
   * Enters the event subprocess of {@code startEvent} inside {@code scope}; an interrupting one first
   * closes the scope's other event subprocess starts and terminates everything active in the scope.
   */
  void triggerEventSubProcess(ElementInstance scope, ExecutableElement startEvent, EventTrigger trigger) {
    if (startEvent.interrupting()) {
      closeStartEvents(scope);
      bpmn.discardTakenFlows(scope);
      for (long child : bpmn.state().childrenOf(scope.key())) {
        bpmn.state().elementInstance(child).ifPresent(bpmn::terminate);
      }
    }
    bpmn.activate(scope, startEvent.flowScope(), trigger);
  }

  private void closeStartEvents(ElementInstance scope) {
    EngineState state = bpmn.state();
    List<String> startEvents = bpmn.elementOf(scope).eventSubProcesses().stream()
        .map(e -> e.startEvent().id()).toList();
    for (long key : state.subscriptionsOf(scope.key())) {
      if (startEvents.contains(state.subscription(key).orElseThrow().targetElementId())) {
        bpmn.writer().write(new SubscriptionClosed(key));
      }
    }
    for (long key : state.timersOf(scope.key())) {
      if (startEvents.contains(state.timer(key).orElseThrow().targetElementId())) {
        bpmn.writer().write(new TimerCanceled(key));
      }
    }
    for (long key : state.signalSubscriptionsOf(scope.key())) {
      if (startEvents.contains(state.signalSubscription(key).orElseThrow().targetElementId())) {
        bpmn.writer().write(new SignalSubscriptionClosed(key));
      }
    }
  }

  private static List<ExecutableElement> catchEventsOf(ExecutableElement element) {
    if (element.boundaryEvents().isEmpty() && element.eventSubProcesses().isEmpty()) {
      return List.of();
    }
    List<ExecutableElement> catchEvents = new ArrayList<>(element.boundaryEvents());
    element.eventSubProcesses().forEach(e -> catchEvents.add(e.startEvent()));
    catchEvents.removeIf(e -> e.eventType() == EventType.ERROR);
    return catchEvents;
  }
}
