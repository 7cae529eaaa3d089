package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Boundary events: docs.camunda.io/docs/components/modeler/bpmn/timer-events/ and
 * .../message-events/ (8.8), "Boundary events".
 */
class BoundaryEventConformanceTest extends EventConformanceTest {

  /**
   * Timer events, "Timer boundary events": "When the corresponding timer is triggered, the activity
   * is terminated"; the process continues on the boundary event's outgoing flow.
   */
  @Test
  void anInterruptingTimerWithADurationTerminatesTheActivityAndTakesItsFlow() {
    String processId = unique("boundary-timer");
    String task = unique("task");
    String escalate = unique("escalate");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("timeout", b -> b.timerWithDuration("PT0.5S")).serviceTask("escalate", t -> t.zeebeJobType(escalate)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(task);

    ActivatedJob escalation = activate(escalate);

    assertThat(escalation.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
    complete(escalation, Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * Multi-instance docs, "Boundary events": "Interrupting and non-interrupting boundary events can
   * be attached to a multi-instance activity ... an interrupting boundary event terminates all
   * instances of the multi-instance body".
   */
  @Test
  void aBoundaryEventOnAMultiInstanceActivityTerminatesEveryInstance() {
    String processId = unique("boundary-mi");
    String task = unique("task");
    String escalate = unique("escalate");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task).multiInstance(m -> m.parallel().zeebeInputCollectionExpression("channels").zeebeInputElement("channel")))
        .boundaryEvent("timeout", b -> b.timerWithDuration("PT0.5S")).serviceTask("escalate", t -> t.zeebeJobType(escalate)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of("channels", java.util.List.of("email", "whatsapp")));
    var jobs = collectJobs(task, 2);

    complete(activate(escalate), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
    for (ActivatedJob job : jobs) {
      assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
    }
  }

  /** Timer events: "An interrupting timer boundary event must have a time duration, or a time date definition." */
  @Test
  void anInterruptingTimerWithADateFiresAtThatDate() {
    String processId = unique("boundary-date");
    String task = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("deadline", b -> b.timerWithDateExpression("dueAt")).endEvent("late")
        .moveToActivity("task").endEvent("done").done());
    Instant dueAt = Instant.now().plusMillis(800);

    long instance = start(processId, Map.of("dueAt", dueAt.toString()));

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(Instant.now()).isAfterOrEqualTo(dueAt);
    assertThat(activateAll(task, 1)).isEmpty();
  }

  /**
   * Timer events: "A non-interrupting timer boundary event must have either a time duration, a time
   * cycle definition, or a time date definition"; a cycle such as {@code R3/PT1S} fires as often as
   * it says, the activity staying active.
   */
  @Test
  void aNonInterruptingTimerCycleFiresItsRepetitionsWhileTheActivityContinues() {
    String processId = unique("boundary-cycle");
    String task = unique("task");
    String remind = unique("remind");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("reminder", b -> b.cancelActivity(false).timerWithCycle("R2/PT0.3S"))
        .serviceTask("remind", t -> t.zeebeJobType(remind)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of());

    List<ActivatedJob> reminders = collectJobs(remind, 2);
    sleep(700);

    assertThat(reminders).hasSize(2);
    assertThat(activateAll(remind, 5)).isEmpty();
    complete(activate(task), Map.of());
    reminders.forEach(r -> complete(r, Map.of()));
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Timer events: an unbounded cycle ({@code R/PT1H}) repeats only while the activity is active; its timer closes when the activity completes. */
  @Test
  void anUnboundedCycleStopsWhenTheActivityCompletes() {
    String processId = unique("boundary-cycle-open");
    String task = unique("task");
    String remind = unique("remind");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("reminder", b -> b.cancelActivity(false).timerWithCycle("R/PT0.3S"))
        .serviceTask("remind", t -> t.zeebeJobType(remind)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of());
    List<ActivatedJob> reminders = collectJobs(remind, 2);

    complete(activate(task), Map.of());
    reminders.addAll(activateAll(remind, 10));
    sleep(700);

    assertThat(activateAll(remind, 10)).isEmpty();
    reminders.forEach(r -> complete(r, Map.of()));
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Timer events: a non-interrupting timer with a duration fires once; the activity goes on and completes normally. */
  @Test
  void aNonInterruptingTimerLeavesTheActivityActive() {
    String processId = unique("boundary-nonint");
    String task = unique("task");
    String remind = unique("remind");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("reminder", b -> b.cancelActivity(false).timerWithDuration("PT0.3S"))
        .serviceTask("remind", t -> t.zeebeJobType(remind)).endEvent()
        .moveToActivity("task").serviceTask("after", t -> t.zeebeJobType(after)).endEvent().done());
    long instance = start(processId, Map.of());

    complete(activate(remind), Map.of());
    complete(activate(task), Map.of());
    complete(activate(after), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * Message events, boundary events: when a message correlates to an interrupting message boundary
   * event, the activity is terminated and the boundary event's flow is taken, with the message's
   * variables.
   */
  @Test
  void anInterruptingMessageTerminatesTheActivity() {
    String processId = unique("boundary-msg");
    String task = unique("task");
    String message = unique("cancelled");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("cancel", b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId")))
        .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of("leadId", "lead-7"));
    ActivatedJob job = activate(task);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-7").variables(Map.of("reason", "opt-out")).send().join();
    ActivatedJob handler = activate(handle);

    assertThat(handler.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(handler.getVariablesAsMap()).containsEntry("reason", "opt-out");
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
  }

  /** Message events: a non-interrupting message boundary event keeps the activity, and it can be triggered again by the next message. */
  @Test
  void aNonInterruptingMessageRunsBesideTheActivityEachTime() {
    String processId = unique("boundary-msg-nonint");
    String task = unique("task");
    String message = unique("update");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("update", b -> b.cancelActivity(false).message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId")))
        .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of("leadId", "lead-8"));

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-8").send().join();
    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-8").send().join();
    List<ActivatedJob> handlers = collectJobs(handle, 2);
    complete(activate(task), Map.of());
    handlers.forEach(h -> complete(h, Map.of()));

    assertThat(handlers).hasSize(2);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * Message events: the subscription of a boundary event opens when the activity is entered, and its
   * correlation key is evaluated then, in the activity's scope (here from its input mapping).
   */
  @Test
  void theCorrelationKeyIsEvaluatedWhenTheActivityIsActivated() {
    String processId = unique("boundary-key");
    String task = unique("task");
    String message = unique("msg");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task).zeebeInputExpression("\"order-\" + string(orderId)", "key"))
        .boundaryEvent("cancel", b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("key"))).endEvent("cancelled")
        .moveToActivity("task").endEvent("done").done());
    long instance = start(processId, Map.of("orderId", 42));
    activate(task);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("order-42").send().join();

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** The subscription of a boundary event is closed when its activity completes: a later message finds nothing. */
  @Test
  void theBoundaryEventIsClosedWhenTheActivityCompletes() {
    String processId = unique("boundary-closed");
    String task = unique("task");
    String after = unique("after");
    String message = unique("msg");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("cancel", b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId"))).endEvent("cancelled")
        .moveToActivity("task").serviceTask("after", t -> t.zeebeJobType(after)).endEvent("done").done());
    start(processId, Map.of("leadId", "lead-9"));

    complete(activate(task), Map.of());
    activate(after);
    var problem = catchThrowableOfType(ProblemException.class, () ->
        client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-9").send().join());

    assertThat(problem.code()).isEqualTo(404);
  }

  /**
   * Embedded subprocesses: boundary events can be attached to a subprocess; an interrupting one
   * terminates the subprocess and every element instance inside it.
   */
  @Test
  void anInterruptingBoundaryEventOnASubprocessTerminatesEverythingInside() {
    String processId = unique("boundary-sub");
    String inner = unique("inner");
    String message = unique("stop");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().subProcessDone()
        .boundaryEvent("stop", b -> b.message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId")))
        .serviceTask("after", t -> t.zeebeJobType(after)).endEvent()
        .moveToActivity("sub").endEvent().done());
    long instance = start(processId, Map.of("leadId", "lead-10"));
    ActivatedJob job = activate(inner);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-10").send().join();
    complete(activate(after), Map.of());

    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * Signal events, "Signal boundary events": an interrupting signal boundary event is triggered by
   * a broadcast of its signal (paraphrased); the activity is terminated and the boundary event's
   * flow is taken, with the signal's variables.
   */
  @Test
  void anInterruptingSignalTerminatesTheActivity() {
    String processId = unique("boundary-signal");
    String task = unique("task");
    String signal = unique("stop");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("stopped", b -> b.signal(signal))
        .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(task);

    client.newBroadcastSignalCommand().signalName(signal).variables(Map.of("reason", "campaign-paused")).send().join();
    ActivatedJob handler = activate(handle);

    assertThat(handler.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(handler.getVariablesAsMap()).containsEntry("reason", "campaign-paused");
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
  }

  /** Signal events: a non-interrupting signal boundary event keeps the activity, and each broadcast triggers it again. */
  @Test
  void aNonInterruptingSignalRunsBesideTheActivityEachTime() {
    String processId = unique("boundary-signal-nonint");
    String task = unique("task");
    String signal = unique("ping");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("pinged", b -> b.cancelActivity(false).signal(signal))
        .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(task);

    client.newBroadcastSignalCommand().signalName(signal).send().join();
    client.newBroadcastSignalCommand().signalName(signal).send().join();
    List<ActivatedJob> handlers = collectJobs(handle, 2);
    complete(job, Map.of());
    handlers.forEach(h -> complete(h, Map.of()));

    assertThat(handlers).hasSize(2);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Deployment: boundary events the engine does not execute are rejected naming the element, its type and the reason. */
  @Test
  void anEscalationBoundaryEventIsRejectedAtDeployment() {
    String processId = unique("boundary-escalation");
    var model = Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType("x"))
        .boundaryEvent("escalated", b -> b.escalation("late")).endEvent()
        .moveToActivity("task").endEvent().done();

    var problem = catchThrowableOfType(ProblemException.class, () -> deploy(model));

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("escalated").contains("boundaryEvent").contains("not supported");
  }
}
