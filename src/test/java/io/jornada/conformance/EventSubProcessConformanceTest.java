package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event subprocesses: docs.camunda.io/docs/components/modeler/bpmn/event-subprocesses/ (8.8). */
class EventSubProcessConformanceTest extends EventConformanceTest {

  /**
   * "When an interrupting event subprocess is triggered, all active instances of its containing
   * scope are terminated"; the process instance completes when the event subprocess completes.
   */
  @Test
  void anInterruptingMessageEventSubprocessTerminatesTheRestOfItsScope() {
    String processId = unique("esp-msg");
    String work = unique("work");
    String handle = unique("handle");
    String message = unique("optOut");
    deploy(withMessageEventSubprocess(processId, work, handle, message, true));
    long instance = start(processId, Map.of("leadId", "lead-1"));
    ActivatedJob job = activate(work);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-1").variables(Map.of("channel", "email")).send().join();
    ActivatedJob handler = activate(handle);
    complete(handler, Map.of());

    assertThat(handler.getVariablesAsMap()).containsEntry("channel", "email");
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "An interrupting event subprocess can be triggered only once": a second message finds no subscription. */
  @Test
  void anInterruptingEventSubprocessIsTriggeredOnlyOnce() {
    String processId = unique("esp-once");
    String work = unique("work");
    String handle = unique("handle");
    String message = unique("optOut");
    deploy(withMessageEventSubprocess(processId, work, handle, message, true));
    start(processId, Map.of("leadId", "lead-2"));
    activate(work);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-2").send().join();
    var second = catchThrowableOfType(ProblemException.class, () ->
        client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-2").send().join());

    assertThat(second.code()).isEqualTo(404);
  }

  /** "A non-interrupting event subprocess can be triggered multiple times"; the rest of the scope goes on. */
  @Test
  void aNonInterruptingEventSubprocessRunsBesideTheScopeEachTime() {
    String processId = unique("esp-nonint");
    String work = unique("work");
    String handle = unique("handle");
    String message = unique("update");
    deploy(withMessageEventSubprocess(processId, work, handle, message, false));
    long instance = start(processId, Map.of("leadId", "lead-3"));
    ActivatedJob job = activate(work);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-3").send().join();
    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-3").send().join();
    List<ActivatedJob> handlers = collectJobs(handle, 2);
    complete(job, Map.of());
    handlers.forEach(h -> complete(h, Map.of()));

    assertThat(handlers).hasSize(2);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "If an event subprocess is triggered, its containing scope is not completed until the triggered instance is completed." */
  @Test
  void theScopeWaitsForATriggeredEventSubprocess() {
    String processId = unique("esp-wait");
    String work = unique("work");
    String handle = unique("handle");
    String message = unique("update");
    deploy(withMessageEventSubprocess(processId, work, handle, message, false));
    long instance = start(processId, Map.of("leadId", "lead-4"));
    ActivatedJob job = activate(work);
    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-4").send().join();
    ActivatedJob handler = activate(handle);

    complete(job, Map.of());
    sleep(300);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    complete(handler, Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Timer events: an interrupting timer start event of an event subprocess fires after its duration. */
  @Test
  void anInterruptingTimerEventSubprocessFiresAfterItsDuration() {
    String processId = unique("esp-timer");
    String work = unique("work");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId)
        .eventSubProcess("timeout", e -> e.startEvent("timerStart").timerWithDuration("PT0.5S")
            .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType(work)).endEvent().done());
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(work);

    complete(activate(handle), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
  }

  /** Timer events: a non-interrupting timer start event of an event subprocess may have a cycle, and fires once per repetition. */
  @Test
  void aNonInterruptingTimerCycleEventSubprocessFiresEachRepetition() {
    String processId = unique("esp-cycle");
    String work = unique("work");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId)
        .eventSubProcess("reminders", e -> e.startEvent("cycleStart").interrupting(false).timerWithCycle("R2/PT0.3S")
            .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType(work)).endEvent().done());
    long instance = start(processId, Map.of());

    List<ActivatedJob> handlers = collectJobs(handle, 2);
    sleep(700);
    assertThat(activateAll(handle, 5)).isEmpty();
    handlers.forEach(h -> complete(h, Map.of()));
    complete(activate(work), Map.of());

    assertThat(handlers).hasSize(2);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * "This can be added globally to the process, or locally inside an embedded subprocess": inside a
   * subprocess it interrupts only the subprocess, which then completes and takes its outgoing flow.
   */
  @Test
  void anEventSubprocessInsideASubprocessInterruptsOnlyThatSubprocess() {
    String processId = unique("esp-sub");
    String inner = unique("inner");
    String handle = unique("handle");
    String after = unique("after");
    String message = unique("skip");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess()
        .eventSubProcess("onSkip", e -> e.startEvent("skipStart").message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId"))
            .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent())
        .startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().subProcessDone()
        .serviceTask("after", t -> t.zeebeJobType(after)).endEvent().done());
    long instance = start(processId, Map.of("leadId", "lead-5"));
    ActivatedJob job = activate(inner);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-5").send().join();
    complete(activate(handle), Map.of());
    complete(activate(after), Map.of());

    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * "Unlike a boundary event, an event subprocess is inside the scope. Therefore, it can access and
   * modify all local variables of its containing scope"; its input mappings create its own locals.
   */
  @Test
  void anEventSubprocessSeesTheVariablesOfItsScope() {
    String processId = unique("esp-vars");
    String inner = unique("inner");
    String handle = unique("handle");
    String message = unique("ping");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub", s -> s.zeebeInputExpression("\"warm\"", "stage")).embeddedSubProcess()
        .eventSubProcess("onPing", e -> e.zeebeInputExpression("stage + \"!\"", "shout")
            .startEvent("pingStart").interrupting(false).message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId"))
            .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent())
        .startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().subProcessDone()
        .endEvent().done());
    start(processId, Map.of("leadId", "lead-6"));
    activate(inner);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-6").send().join();

    assertThat(activate(handle).getVariablesAsMap()).containsEntry("stage", "warm").containsEntry("shout", "warm!");
  }

  /** "The start event of the event subprocess can be triggered when its containing scope is activated" — and no longer once the scope has ended. */
  @Test
  void theStartEventIsClosedWhenTheScopeEnds() {
    String processId = unique("esp-closed");
    String work = unique("work");
    String handle = unique("handle");
    String message = unique("late");
    deploy(withMessageEventSubprocess(processId, work, handle, message, false));
    long instance = start(processId, Map.of("leadId", "lead-7"));

    complete(activate(work), Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
    var problem = catchThrowableOfType(ProblemException.class, () ->
        client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-7").send().join());

    assertThat(problem.code()).isEqualTo(404);
  }

  /**
   * Event subprocesses, signal start event (paraphrased): a broadcast of its signal triggers an
   * interrupting signal event subprocess, which terminates the rest of its scope and gets the
   * signal's variables.
   */
  @Test
  void anInterruptingSignalEventSubprocessTerminatesTheRestOfItsScope() {
    String processId = unique("esp-signal");
    String work = unique("work");
    String handle = unique("handle");
    String signal = unique("pause");
    deploy(withSignalEventSubprocess(processId, work, handle, signal, true));
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(work);

    client.newBroadcastSignalCommand().signalName(signal).variables(Map.of("channel", "email")).send().join();
    ActivatedJob handler = activate(handle);
    complete(handler, Map.of());

    assertThat(handler.getVariablesAsMap()).containsEntry("channel", "email");
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "A non-interrupting event subprocess can be triggered multiple times": each broadcast of its signal starts it again beside the scope. */
  @Test
  void aNonInterruptingSignalEventSubprocessRunsOnEachBroadcast() {
    String processId = unique("esp-signal-nonint");
    String work = unique("work");
    String handle = unique("handle");
    String signal = unique("ping");
    deploy(withSignalEventSubprocess(processId, work, handle, signal, false));
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(work);

    client.newBroadcastSignalCommand().signalName(signal).send().join();
    client.newBroadcastSignalCommand().signalName(signal).send().join();
    List<ActivatedJob> handlers = collectJobs(handle, 2);
    complete(job, Map.of());
    handlers.forEach(h -> complete(h, Map.of()));

    assertThat(handlers).hasSize(2);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  private static BpmnModelInstance withSignalEventSubprocess(String processId, String work, String handle, String signal, boolean interrupting) {
    return Bpmn.createExecutableProcess(processId)
        .eventSubProcess("onSignal", e -> e.startEvent("signalStart").interrupting(interrupting).signal(signal)
            .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType(work)).endEvent().done();
  }

  private static BpmnModelInstance withMessageEventSubprocess(String processId, String work, String handle, String message, boolean interrupting) {
    return Bpmn.createExecutableProcess(processId)
        .eventSubProcess("onMessage", e -> e.startEvent("messageStart").interrupting(interrupting)
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId"))
            .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent())
        .startEvent().serviceTask("work", t -> t.zeebeJobType(work)).endEvent().done();
  }
}
