package io.jornada.engine.model;

import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns events into elements: start events (of the process, of subprocesses and of event
 * subprocesses), end events, boundary events and intermediate catch and throw events, with their
 * messages, timers, signals and errors; message throw and end events are done by a job worker, like
 * a service task. Collects the process's message start events on the way.
 */
final class EventTransformer {

  private final TransformContext context;
  private final TaskTransformer tasks;
  private final List<ExecutableElement> messageStarts = new ArrayList<>();

  EventTransformer(TransformContext context, TaskTransformer tasks) {
    this.context = context;
    this.tasks = tasks;
  }

  /** The message start events of the process, in the order they were transformed. */
  List<ExecutableElement> messageStarts() {
    return messageStarts;
  }

  /** The event's element inside {@code container}, or null (and an error) for a kind the engine does not execute. */
  ExecutableElement toNode(Event event, ExecutableElement container) {
    if (event instanceof StartEvent start) {
      return startEvent(start, container);
    }
    if (event instanceof EndEvent end) {
      return endEvent(end);
    }
    if (event instanceof BoundaryEvent boundary) {
      return catchEvent(boundary, ElementType.BOUNDARY_EVENT, boundary.cancelActivity());
    }
    if (event instanceof IntermediateCatchEvent catchEvent) {
      return intermediateCatchEvent(catchEvent);
    }
    if (event instanceof IntermediateThrowEvent throwEvent) {
      return intermediateThrowEvent(throwEvent);
    }
    return context.unsupported(event.getId(), event.getElementType().getTypeName());
  }

  /**
   * A start event, which becomes its container's start event: none in any scope; message, timer
   * or signal on the process only; message, timer, signal or error in an event subprocess.
   */
  private ExecutableElement startEvent(StartEvent start, ExecutableElement container) {
    if (container.type() == ElementType.EVENT_SUB_PROCESS) {
      var node = catchEvent(start, ElementType.START_EVENT, start.isInterrupting());
      if (node != null) {
        container.setStartEvent(node);
      }
      return node;
    }
    String id = start.getId();
    String name = start.getName();
    String typeName = start.getElementType().getTypeName();
    EventDefinition definition = singleDefinition(start.getEventDefinitions(), id, typeName);
    if (definition == null) {
      var node = new ExecutableElement(id, name, ElementType.START_EVENT, EventType.NONE);
      container.setStartEvent(node);
      return node;
    }
    if (container.type() != ElementType.PROCESS) {
      context.error("element '" + id + "' (startEvent) of subprocess '" + container.id() + "' must be a none start event");
      return null;
    }
    if (definition instanceof MessageEventDefinition message) {
      var node = new ExecutableElement(id, name, ElementType.START_EVENT, EventType.MESSAGE);
      node.setMessage(new ExecutableElement.MessageDefinition(messageName(message, id), null));
      messageStarts.add(node);
      return node;
    }
    if (definition instanceof TimerEventDefinition timer) {
      return timerStart(timer, id, name);
    }
    if (definition instanceof SignalEventDefinition signal) {
      return signalEvent(signal, new ExecutableElement(id, name, ElementType.START_EVENT, EventType.SIGNAL), start);
    }
    return unsupported(id, typeName, definition);
  }

  /** A timer start event takes a date or a cycle, not a duration. */
  private ExecutableElement timerStart(TimerEventDefinition timer, String id, String name) {
    if (timer.getTimeDuration() != null) {
      context.error("element '" + id + "' (startEvent) timer must have a timeDate or timeCycle; a timer start event takes no timeDuration");
      return null;
    }
    var node = new ExecutableElement(id, name, ElementType.START_EVENT, EventType.TIMER);
    node.setTimer(timerOf(timer, id, "startEvent", true));
    return node;
  }

  /** A none, signal, error, terminate or (job-based) message end event. */
  private ExecutableElement endEvent(EndEvent end) {
    String id = end.getId();
    String name = end.getName();
    String typeName = end.getElementType().getTypeName();
    EventDefinition definition = singleDefinition(end.getEventDefinitions(), id, typeName);
    if (definition == null) {
      return new ExecutableElement(id, name, ElementType.END_EVENT, EventType.NONE);
    }
    if (definition instanceof SignalEventDefinition signal) {
      return signalEvent(signal, new ExecutableElement(id, name, ElementType.END_EVENT, EventType.SIGNAL), end);
    }
    if (definition instanceof ErrorEventDefinition error) {
      var node = new ExecutableElement(id, name, ElementType.END_EVENT, EventType.ERROR);
      String code = errorCode(error);
      if (code == null || code.isBlank()) {
        context.error("element '" + id + "' (endEvent) throws an error without an errorCode");
      } else {
        node.setErrorCode(context.expression(id, code));
      }
      return node;
    }
    if (definition instanceof TerminateEventDefinition) {
      return new ExecutableElement(id, name, ElementType.END_EVENT, EventType.TERMINATE);
    }
    if (definition instanceof MessageEventDefinition) {
      return tasks.jobTask(new ExecutableElement(id, name, ElementType.END_EVENT, EventType.MESSAGE), end, typeName);
    }
    return unsupported(id, typeName, definition);
  }

  /** A message, signal, timer (no cycle) or link intermediate catch event. */
  private ExecutableElement intermediateCatchEvent(IntermediateCatchEvent catchEvent) {
    String id = catchEvent.getId();
    String name = catchEvent.getName();
    String typeName = catchEvent.getElementType().getTypeName();
    EventDefinition definition = singleDefinition(catchEvent.getEventDefinitions(), id, typeName);
    if (definition instanceof MessageEventDefinition message) {
      var node = new ExecutableElement(id, name, ElementType.INTERMEDIATE_CATCH_EVENT, EventType.MESSAGE);
      if (subscribe(node, message, typeName)) {
        context.mappings(node, catchEvent);
      }
      return node;
    }
    if (definition instanceof SignalEventDefinition signal) {
      return signalEvent(signal, new ExecutableElement(id, name, ElementType.INTERMEDIATE_CATCH_EVENT, EventType.SIGNAL), catchEvent);
    }
    if (definition instanceof TimerEventDefinition timer) {
      var node = new ExecutableElement(id, name, ElementType.INTERMEDIATE_CATCH_EVENT, EventType.TIMER);
      node.setTimer(timerOf(timer, id, typeName, false));
      context.mappings(node, catchEvent);
      return node;
    }
    if (definition instanceof LinkEventDefinition link) {
      return linkEvent(link, new ExecutableElement(id, name, ElementType.INTERMEDIATE_CATCH_EVENT, EventType.LINK), catchEvent);
    }
    return unsupported(id, typeName, definition);
  }

  /** A none, signal, link or (job-based) message intermediate throw event. */
  private ExecutableElement intermediateThrowEvent(IntermediateThrowEvent throwEvent) {
    String id = throwEvent.getId();
    String name = throwEvent.getName();
    String typeName = throwEvent.getElementType().getTypeName();
    EventDefinition definition = singleDefinition(throwEvent.getEventDefinitions(), id, typeName);
    if (definition == null) {
      return new ExecutableElement(id, name, ElementType.INTERMEDIATE_THROW_EVENT, EventType.NONE);
    }
    if (definition instanceof SignalEventDefinition signal) {
      return signalEvent(signal, new ExecutableElement(id, name, ElementType.INTERMEDIATE_THROW_EVENT, EventType.SIGNAL), throwEvent);
    }
    if (definition instanceof MessageEventDefinition) {
      return tasks.jobTask(new ExecutableElement(id, name, ElementType.INTERMEDIATE_THROW_EVENT, EventType.MESSAGE), throwEvent, typeName);
    }
    if (definition instanceof LinkEventDefinition link) {
      return linkEvent(link, new ExecutableElement(id, name, ElementType.INTERMEDIATE_THROW_EVENT, EventType.LINK), throwEvent);
    }
    return unsupported(id, typeName, definition);
  }

  /**
   * A boundary event or an event subprocess's start event: message, timer (a cycle only when
   * non-interrupting), signal or error (always interrupting); null (and an error) for any other kind.
   */
  private ExecutableElement catchEvent(CatchEvent event, ElementType type, boolean interrupting) {
    String id = event.getId();
    String typeName = event.getElementType().getTypeName();
    EventDefinition definition = singleDefinition(event.getEventDefinitions(), id, typeName);
    ExecutableElement node;
    if (definition instanceof MessageEventDefinition message) {
      node = new ExecutableElement(id, event.getName(), type, EventType.MESSAGE);
      if (!subscribe(node, message, typeName)) {
        return node;
      }
    } else if (definition instanceof TimerEventDefinition timer) {
      node = new ExecutableElement(id, event.getName(), type, EventType.TIMER);
      node.setTimer(timerOf(timer, id, typeName, !interrupting));
    } else if (definition instanceof SignalEventDefinition signal) {
      node = new ExecutableElement(id, event.getName(), type, EventType.SIGNAL);
      if (!setSignal(node, signal)) {
        return node;
      }
    } else if (definition instanceof ErrorEventDefinition error) {
      node = new ExecutableElement(id, event.getName(), type, EventType.ERROR);
      if (!interrupting) {
        context.error("element '" + id + "' (" + typeName + ") catches an error, so it must be interrupting");
      }
      String code = errorCode(error);
      if (code != null && !code.isBlank()) {
        node.setErrorCode(context.expression(id, code));
      }
    } else {
      return unsupported(id, typeName, definition);
    }
    node.setInterrupting(interrupting);
    context.mappings(node, event);
    return node;
  }

  /** A signal start, catch, throw or end event: the signal's name (static or an expression) and the event's mappings. */
  private ExecutableElement signalEvent(SignalEventDefinition definition, ExecutableElement node, FlowNode element) {
    if (setSignal(node, definition)) {
      context.mappings(node, element);
    }
    return node;
  }

  /** Sets the signal of an event; false (and an error) when it references no signal name. */
  private boolean setSignal(ExecutableElement node, SignalEventDefinition definition) {
    if (definition.getSignal() == null || definition.getSignal().getName() == null || definition.getSignal().getName().isBlank()) {
      context.error("element '" + node.id() + "' references no signal name");
      return false;
    }
    node.setSignal(new ExecutableElement.SignalDefinition(context.expression(node.id(), definition.getSignal().getName())));
    return true;
  }

  /** A link throw or catch event: its link name and its mappings. */
  private ExecutableElement linkEvent(LinkEventDefinition link, ExecutableElement node, FlowNode element) {
    if (link.getName() == null || link.getName().isBlank()) {
      context.error("element '" + node.id() + "' has a link event definition without a name");
      return node;
    }
    node.setLinkName(link.getName());
    context.mappings(node, element);
    return node;
  }

  /**
   * Points each link throw event directly inside {@code container} at the link catch event of the
   * same name there; an error for a throw event without one, and for two catch events of one name.
   */
  void resolveLinks(ExecutableElement container) {
    Map<String, ExecutableElement> catchEvents = new HashMap<>();
    List<ExecutableElement> links = context.elements().values().stream()
        .filter(e -> e.flowScope() == container && e.eventType() == EventType.LINK && e.linkName() != null).toList();
    for (ExecutableElement link : links) {
      if (link.type() == ElementType.INTERMEDIATE_CATCH_EVENT && catchEvents.putIfAbsent(link.linkName(), link) != null) {
        context.error("element '" + link.id() + "' (intermediateCatchEvent) catches link '" + link.linkName()
            + "', as does '" + catchEvents.get(link.linkName()).id() + "' in the same scope; a link name must have one catch event");
      }
    }
    for (ExecutableElement link : links) {
      if (link.type() == ElementType.INTERMEDIATE_THROW_EVENT) {
        ExecutableElement target = catchEvents.get(link.linkName());
        if (target == null) {
          context.error("element '" + link.id() + "' (intermediateThrowEvent) throws link '" + link.linkName()
              + "', but no intermediate catch link event of that name is in the same scope");
        } else {
          link.setLinkTarget(target);
        }
      }
    }
  }

  /** Sets the message a catch event waits for; false (and an error) when the message has no correlation key. */
  private boolean subscribe(ExecutableElement node, MessageEventDefinition message, String typeName) {
    ZeebeSubscription subscription =
        message.getMessage() == null ? null : message.getMessage().getSingleExtensionElement(ZeebeSubscription.class);
    if (subscription == null || subscription.getCorrelationKey() == null) {
      context.error("element '" + node.id() + "' (" + typeName + ") has no message correlation key");
      return false;
    }
    node.setMessage(new ExecutableElement.MessageDefinition(messageName(message, node.id()), context.expression(node.id(), subscription.getCorrelationKey())));
    return true;
  }

  private String messageName(MessageEventDefinition definition, String id) {
    if (definition.getMessage() == null || definition.getMessage().getName() == null) {
      context.error("element '" + id + "' references no message name");
      return "";
    }
    return definition.getMessage().getName();
  }

  /** The timer's duration, date or (where {@code cycleAllowed}) cycle; null (and an error) otherwise. */
  private TimerDefinition timerOf(TimerEventDefinition timer, String id, String typeName, boolean cycleAllowed) {
    if (timer.getTimeDuration() != null) {
      return new TimerDefinition(TimerDefinition.Kind.DURATION, context.expression(id, timer.getTimeDuration().getTextContent().trim()));
    }
    if (timer.getTimeDate() != null) {
      return new TimerDefinition(TimerDefinition.Kind.DATE, context.expression(id, timer.getTimeDate().getTextContent().trim()));
    }
    if (timer.getTimeCycle() != null && cycleAllowed) {
      return new TimerDefinition(TimerDefinition.Kind.CYCLE, context.expression(id, timer.getTimeCycle().getTextContent().trim()));
    }
    context.error("element '" + id + "' (" + typeName + ") timer must have a " + (cycleAllowed ? "timeDuration, timeDate or timeCycle" : "timeDuration or timeDate"));
    return null;
  }

  private static String errorCode(ErrorEventDefinition error) {
    return error.getError() == null ? null : error.getError().getErrorCode();
  }

  private EventDefinition singleDefinition(Collection<EventDefinition> definitions, String id, String typeName) {
    if (definitions.size() > 1) {
      context.error("element '" + id + "' (" + typeName + ") has more than one event definition; multiple events are not supported");
    }
    return definitions.isEmpty() ? null : definitions.iterator().next();
  }

  /** Reports an event with a definition (or none) the engine does not execute for its kind; always null. */
  private ExecutableElement unsupported(String id, String typeName, EventDefinition definition) {
    return context.unsupported(id, typeName + (definition == null ? " without event definition" : " with " + definition.getElementType().getTypeName()));
  }
}
