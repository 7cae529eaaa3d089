package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.SignalEvents.SignalBroadcast;
import io.jornada.engine.event.SignalEvents.SignalSubscriptionClosed;
import io.jornada.engine.event.SignalEvents.SignalSubscriptionOpened;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.DeployedProcess;
import io.jornada.engine.state.ElementInstance;
import io.jornada.engine.state.SignalSubscription;
import java.util.Map;
import java.util.Optional;

/**
 * Signals: subscriptions of waiting catch events, and broadcasts — from the API or a throw or end
 * event — which trigger every subscription with the signal's name and start an instance of every
 * latest process version with a signal start event of that name. A signal is not buffered.
 */
public final class SignalBehavior {

  private final BpmnBehaviors bpmn;

  SignalBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  /** Subscribes {@code owner} to the signal of {@code catchEvent}; false (and an incident) if the name does not evaluate to a string. */
  boolean openSubscription(ElementInstance owner, ExecutableElement catchEvent) {
    Optional<String> name = signalName(owner, catchEvent);
    name.ifPresent(n -> bpmn.writer().write(
        new SignalSubscriptionOpened(bpmn.state().nextKey(), owner.key(), owner.processInstanceKey(), n, catchEvent.id())));
    return name.isPresent();
  }

  void closeAll(ElementInstance owner) {
    for (long key : bpmn.state().signalSubscriptionsOf(owner.key())) {
      bpmn.writer().write(new SignalSubscriptionClosed(key));
    }
  }

  /** A throw or end event broadcasts its signal, with its local variables (its input mappings); false (and an incident) if the name fails. */
  boolean throwSignal(ElementInstance instance, ExecutableElement element) {
    Optional<String> name = signalName(instance, element);
    name.ifPresent(n -> broadcast(n, bpmn.state().localVariables(instance.key())));
    return name.isPresent();
  }

  /** Broadcasts a signal; answers its key. */
  public long broadcast(String name, Map<String, Object> variables) {
    long key = bpmn.state().nextKey();
    bpmn.writer().write(new SignalBroadcast(key, name, variables));
    for (SignalSubscription subscription : bpmn.state().signalSubscriptions(name)) {
      bpmn.triggerEvent(subscription.elementInstanceKey(), new EventTrigger(subscription.targetElementId(), variables));
    }
    for (DeployedProcess process : bpmn.state().latestProcesses()) {
      for (ExecutableElement start : process.process().signalStartEvents()) {
        var startName = bpmn.evaluate(start.signal().name(), -1);
        if (!startName.isFailure() && name.equals(startName.value())) {
          bpmn.createInstance(process, start, variables, -1, null);
        }
      }
    }
    return key;
  }

  private Optional<String> signalName(ElementInstance instance, ExecutableElement element) {
    var name = bpmn.evaluate(element.signal().name(), instance.key());
    if (!name.isFailure() && name.value() instanceof String text && !text.isEmpty()) {
      return Optional.of(text);
    }
    bpmn.incidents().raise(instance, "EXTRACT_VALUE_ERROR", name.isFailure()
        ? name.failure()
        : "Expected the signal name '" + element.signal().name() + "' to be a non-empty string, but it was '" + name.value() + "'");
    return Optional.empty();
  }
}
