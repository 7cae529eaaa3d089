package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.MessageEvents.SubscriptionClosed;
import io.jornada.engine.event.MessageEvents.SubscriptionCorrelated;
import io.jornada.engine.event.MessageEvents.SubscriptionOpened;
import io.jornada.engine.event.TimerEvents.TimerCanceled;
import io.jornada.engine.event.TimerEvents.TimerCreated;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.BufferedMessage;
import io.jornada.engine.state.DeployedProcess;
import io.jornada.engine.state.ElementInstance;
import io.jornada.engine.state.Subscription;
import io.jornada.engine.state.Timer;
import io.jornada.engine.model.TimerDefinition;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Message subscriptions and timers of waiting elements, and message correlation (to subscriptions
 * and to message start events).
 */
public final class EventBehavior {

  private final BpmnBehaviors bpmn;

  EventBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  /** Opens a subscription for the message of {@code catchEvent}, held by {@code owner}; false (and an incident) if the key is invalid. */
  boolean openSubscription(ElementInstance owner, ExecutableElement catchEvent) {
    var message = catchEvent.message();
    var key = bpmn.evaluate(message.correlationKey(), owner.key());
    String correlationKey = key.isFailure() ? null : correlationKeyOf(key.value());
    if (correlationKey == null) {
      bpmn.incidents().raise(owner, "EXTRACT_VALUE_ERROR", key.isFailure()
          ? key.failure()
          : "Failed to extract the correlation key for '" + message.correlationKey() + "': The value must be either a string or a number, but was '" + key.value() + "'");
      return false;
    }
    String bpmnProcessId = bpmn.state().instance(owner.processInstanceKey()).orElseThrow().bpmnProcessId();
    bpmn.writer().write(new SubscriptionOpened(bpmn.state().nextKey(), owner.key(), owner.processInstanceKey(), bpmnProcessId, message.name(), correlationKey, catchEvent.id()));
    return true;
  }

  /** Creates the timer of {@code catchEvent}, held by {@code owner}; false (and an incident) if its value is invalid. */
  boolean createTimer(ElementInstance owner, ExecutableElement catchEvent) {
    var timer = catchEvent.timer();
    var value = bpmn.evaluate(timer.expression(), owner.key());
    OptionalLong due = value.isFailure() ? OptionalLong.empty() : TimerDueDates.dueDate(timer.kind(), value.value(), bpmn.now());
    if (due.isEmpty()) {
      bpmn.incidents().raise(owner, "EXTRACT_VALUE_ERROR", value.isFailure()
          ? value.failure()
          : "Expected the timer " + timer.kind().name().toLowerCase(Locale.ROOT) + " '" + timer.expression()
              + "' to be an ISO-8601 " + expectedFormat(timer.kind()) + ", but it was '" + value.value() + "'");
      return false;
    }
    long key = bpmn.state().nextKey();
    if (timer.kind() == TimerDefinition.Kind.CYCLE) {
      TimerCycle cycle = TimerCycle.parse(value.value()).orElseThrow();
      bpmn.writer().write(new TimerCreated(key, owner.key(), owner.processInstanceKey(), catchEvent.id(), due.getAsLong(),
          TimerCycle.remainingAfter(cycle.firings()), cycle.intervalMillis()));
    } else {
      bpmn.writer().write(new TimerCreated(key, owner.key(), owner.processInstanceKey(), catchEvent.id(), due.getAsLong()));
    }
    return true;
  }

  private static String expectedFormat(TimerDefinition.Kind kind) {
    return switch (kind) {
      case DATE -> "date-time with offset";
      case DURATION -> "duration";
      case CYCLE -> "repeating interval or cron expression";
    };
  }

  /** After a cycle timer fired: creates its next occurrence, if it repeats, for the same element. */
  public void repeat(Timer timer) {
    if (timer.repetitions() == 0) {
      return;
    }
    long due = timer.interval() > 0
        ? TimerCycle.nextOnSchedule(timer.dueDate(), timer.interval(), bpmn.now())
        : cronFiringAfter(timer);
    if (due < 0) {
      return;
    }
    int left = timer.repetitions() < 0 ? -1 : timer.repetitions() - 1;
    bpmn.writer().write(new TimerCreated(bpmn.state().nextKey(), timer.elementInstanceKey(), timer.processInstanceKey(), timer.targetElementId(), due, left, timer.interval()));
  }

  /** The next firing of a cron cycle (its gaps vary): the timer's expression again, in the scope of the element holding it; -1 if none. */
  private long cronFiringAfter(Timer timer) {
    var expression = bpmn.catchEventOf(timer.elementInstanceKey(), timer.targetElementId()).timer().expression();
    var value = bpmn.evaluate(expression, timer.elementInstanceKey());
    return value.isFailure() ? -1 : TimerCycle.parse(value.value()).map(cycle -> cycle.nextDueDate(timer.dueDate(), bpmn.now())).orElse(-1L);
  }

  /** Closes every subscription (message and signal) and cancels every timer the element holds. */
  void closeAll(ElementInstance owner) {
    for (long key : bpmn.state().subscriptionsOf(owner.key())) {
      bpmn.writer().write(new SubscriptionClosed(key));
    }
    for (long key : bpmn.state().timersOf(owner.key())) {
      bpmn.writer().write(new TimerCanceled(key));
    }
    bpmn.signals().closeAll(owner);
  }

  /** Correlates the oldest matching buffered message to one of the element's new subscriptions. */
  void correlateBufferedMessages(ElementInstance owner) {
    for (long subscriptionKey : bpmn.state().subscriptionsOf(owner.key())) {
      Subscription subscription = bpmn.state().subscription(subscriptionKey).orElseThrow();
      for (BufferedMessage message : bpmn.state().bufferedMessages(subscription.messageName(), subscription.correlationKey())) {
        if (!message.correlatedTo(subscription.bpmnProcessId()) && message.deadline() > bpmn.now()) {
          correlate(subscription, message.key(), message.variables());
          return;
        }
      }
    }
  }

  /** Correlates a just-published message to every waiting process and message start event it may reach. */
  public void correlatePublished(BufferedMessage message) {
    for (Subscription subscription : bpmn.state().openSubscriptions(message.name(), message.correlationKey())) {
      if (!message.correlatedTo(subscription.bpmnProcessId())) {
        correlate(subscription, message.key(), message.variables());
      }
    }
    for (DeployedProcess process : bpmn.state().latestProcesses()) {
      for (ExecutableElement start : process.process().messageStartEvents()) {
        if (start.message().name().equals(message.name()) && !message.correlatedTo(process.bpmnProcessId())) {
          startByMessage(process, start, message.key(), message.correlationKey(), message.variables());
        }
      }
    }
  }

  /**
   * Correlates to the first open subscription; the message is not buffered. The subscription of a
   * non-interrupting catch (boundary event, event subprocess start) stays open for the next message.
   */
  public void correlate(Subscription subscription, long messageKey, Map<String, Object> variables) {
    bpmn.writer().write(new SubscriptionCorrelated(subscription.key(), messageKey));
    if (!bpmn.catchEventOf(subscription.elementInstanceKey(), subscription.targetElementId()).interrupting()) {
      bpmn.writer().write(new SubscriptionOpened(bpmn.state().nextKey(), subscription.elementInstanceKey(), subscription.processInstanceKey(),
          subscription.bpmnProcessId(), subscription.messageName(), subscription.correlationKey(), subscription.targetElementId()));
    }
    bpmn.triggerEvent(subscription.elementInstanceKey(), new EventTrigger(subscription.targetElementId(), variables));
  }

  /**
   * Starts an instance through a message start event, unless an instance started with the same
   * non-empty correlation key is still active; returns the instance key or -1.
   */
  public long startByMessage(DeployedProcess process, ExecutableElement start, long messageKey, String correlationKey, Map<String, Object> variables) {
    if (!correlationKey.isEmpty() && bpmn.state().messageStartLocked(process.bpmnProcessId(), correlationKey)) {
      return -1;
    }
    return bpmn.createInstance(process, start, variables, messageKey, correlationKey);
  }

  /** After an instance started by a message ends, a buffered message with the same key may start the next one. */
  void startByBufferedMessage(String bpmnProcessId, String correlationKey) {
    var process = bpmn.state().process(bpmnProcessId, -1).orElseThrow();
    for (ExecutableElement start : process.process().messageStartEvents()) {
      for (BufferedMessage message : bpmn.state().bufferedMessages(start.message().name(), correlationKey)) {
        if (!message.correlatedTo(bpmnProcessId) && message.deadline() > bpmn.now()) {
          startByMessage(process, start, message.key(), correlationKey, message.variables());
          return;
        }
      }
    }
  }

  private static String correlationKeyOf(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number n) {
      BigDecimal decimal = new BigDecimal(n.toString());
      return decimal.stripTrailingZeros().scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
    }
    return null;
  }
}
