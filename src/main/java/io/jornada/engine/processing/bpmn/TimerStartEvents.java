package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.TimerEvents.StartTimerCanceled;
import io.jornada.engine.event.TimerEvents.StartTimerCreated;
import io.jornada.engine.event.TimerEvents.StartTimerTriggered;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.model.ExecutableProcess;
import io.jornada.engine.model.TimerDefinition;
import io.jornada.engine.state.DeployedProcess;
import io.jornada.engine.state.StartTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Timer start events: scheduled when their process version is deployed, which cancels those of the
 * version before; each firing creates an instance, and a cycle schedules its next firing. Their
 * expressions are evaluated at deployment, without variables.
 */
public final class TimerStartEvents {

  private final BpmnBehaviors bpmn;

  TimerStartEvents(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  /** Why the process's timer start events cannot be scheduled (checked before the deployment writes anything); empty if they can. */
  public List<String> check(ExecutableProcess process) {
    List<String> errors = new ArrayList<>();
    for (ExecutableElement start : process.timerStartEvents()) {
      TimerDefinition timer = start.timer();
      var value = bpmn.evaluate(timer.expression(), -1);
      if (value.isFailure() || firstDueDate(timer, value.value()).isEmpty()) {
        errors.add("element '" + start.id() + "' (startEvent): Expected the timer " + (timer.kind() == TimerDefinition.Kind.DATE ? "date" : "cycle")
            + " '" + timer.expression() + "' to be " + (timer.kind() == TimerDefinition.Kind.DATE ? "an ISO-8601 date-time with offset" : "an ISO-8601 repeating interval or a cron expression")
            + ", but " + (value.isFailure() ? value.failure() : "it was '" + value.value() + "'"));
      }
    }
    return errors;
  }

  /** A new version of a process id was deployed: the previous version's start timers are canceled, and this version's scheduled. */
  public void deployed(DeployedProcess process) {
    bpmn.state().process(process.bpmnProcessId(), process.version() - 1).ifPresent(previous -> {
      for (long key : bpmn.state().startTimersOf(previous.key())) {
        bpmn.writer().write(new StartTimerCanceled(key));
      }
    });
    for (ExecutableElement start : process.process().timerStartEvents()) {
      TimerDefinition timer = start.timer();
      Object value = bpmn.evaluate(timer.expression(), -1).value();
      int repetitions = timer.kind() == TimerDefinition.Kind.CYCLE ? TimerCycle.parse(value).orElseThrow().firings() : 1;
      bpmn.writer().write(new StartTimerCreated(bpmn.state().nextKey(), process.key(), start.id(), firstDueDate(timer, value).orElseThrow(), repetitions));
    }
  }

  /** A start timer is due: it creates an instance, and a cycle with repetitions left schedules its next firing. */
  public void trigger(long timerKey) {
    StartTimer timer = bpmn.state().startTimer(timerKey).orElseThrow();
    DeployedProcess process = bpmn.state().process(timer.processDefinitionKey()).orElseThrow();
    ExecutableElement start = process.process().element(timer.elementId());
    bpmn.writer().write(new StartTimerTriggered(timerKey));
    bpmn.createInstance(process, start, Map.of(), -1, null);
    if (start.timer().kind() == TimerDefinition.Kind.CYCLE && TimerCycle.firesAgain(timer.repetitions())) {
      long next = TimerCycle.parse(bpmn.evaluate(start.timer().expression(), -1).value()).orElseThrow().nextDueDate(timer.dueDate(), bpmn.now());
      if (next >= 0) {
        bpmn.writer().write(new StartTimerCreated(bpmn.state().nextKey(), process.key(), start.id(), next, TimerCycle.remainingAfter(timer.repetitions())));
      }
    }
  }

  private OptionalLong firstDueDate(TimerDefinition timer, Object value) {
    return TimerDueDates.dueDate(timer.kind(), value, bpmn.now());
  }
}
