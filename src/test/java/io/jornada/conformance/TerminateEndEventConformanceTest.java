package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Terminate end events: docs.camunda.io/docs/components/modeler/bpmn/terminate-events/ (8.8). The
 * concurrent paths here come from non-interrupting boundary events and event subprocesses.
 */
class TerminateEndEventConformanceTest extends EventConformanceTest {

  /**
   * "A terminate end event on the process scope ... terminates all element instances of the process
   * instance. After the termination, the process instance completes."
   */
  @Test
  void onTheProcessScopeItTerminatesEverythingAndTheInstanceCompletes() {
    String processId = unique("terminate");
    String work = unique("work");
    String message = unique("stop");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("work", t -> t.zeebeJobType(work))
        .boundaryEvent("stop", b -> b.cancelActivity(false).message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId")))
        .endEvent("terminate", e -> e.terminate())
        .moveToActivity("work").endEvent("done").done());
    long instance = start(processId, Map.of("leadId", "lead-1"));
    ActivatedJob job = activate(work);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-1").send().join();

    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
  }

  /**
   * "When a process instance reaches a terminate end event, it terminates all element instances in
   * the same flow scope": also a path that was taken at the same moment but not entered yet.
   */
  @Test
  void aPathTakenAtTheSameMomentIsNotEntered() {
    String processId = unique("terminate-split");
    String work = unique("work");
    String other = unique("other");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("work", t -> t.zeebeJobType(work))
        .endEvent("terminate", e -> e.terminate())
        .moveToActivity("work").serviceTask("other", t -> t.zeebeJobType(other)).endEvent()
        .done());
    long instance = start(processId, Map.of());

    complete(activate(work), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(activateAll(other, 1)).isEmpty();
  }

  /**
   * "A terminate end event inside an embedded or an event subprocess terminates all element
   * instances of the subprocess. After the termination, the subprocess completes, and the process
   * instance takes the outgoing sequence flows."
   */
  @Test
  void insideASubprocessItCompletesTheSubprocessWhichContinues() {
    String processId = unique("terminate-sub");
    String inner = unique("inner");
    String after = unique("after");
    String message = unique("stop");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent()
        .serviceTask("inner", t -> t.zeebeJobType(inner))
        .boundaryEvent("stop", b -> b.cancelActivity(false).message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId")))
        .endEvent("terminate", e -> e.terminate())
        .moveToActivity("inner").endEvent("innerDone")
        .subProcessDone()
        .serviceTask("after", t -> t.zeebeJobType(after)).endEvent().done());
    long instance = start(processId, Map.of("leadId", "lead-2"));
    ActivatedJob job = activate(inner);

    client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-2").send().join();
    complete(activate(after), Map.of());

    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "The terminate end event is limited to its subprocess. It doesn't terminate element instances outside the subprocess." */
  @Test
  void insideASubprocessItLeavesElementsOutsideAlone() {
    String processId = unique("terminate-limited");
    String inner = unique("inner");
    String side = unique("side");
    String sideMessage = unique("side");
    String stopMessage = unique("stop");
    deploy(Bpmn.createExecutableProcess(processId)
        .eventSubProcess("sidePath", e -> e.startEvent("sideStart").interrupting(false)
            .message(m -> m.name(sideMessage).zeebeCorrelationKeyExpression("leadId"))
            .serviceTask("side", t -> t.zeebeJobType(side)).endEvent())
        .startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent()
        .serviceTask("inner", t -> t.zeebeJobType(inner))
        .boundaryEvent("stop", b -> b.cancelActivity(false).message(m -> m.name(stopMessage).zeebeCorrelationKeyExpression("leadId")))
        .endEvent("terminate", e -> e.terminate())
        .moveToActivity("inner").endEvent("innerDone")
        .subProcessDone()
        .endEvent().done());
    long instance = start(processId, Map.of("leadId", "lead-3"));
    activate(inner);
    client.newCorrelateMessageCommand().messageName(sideMessage).correlationKey("lead-3").send().join();
    ActivatedJob sideJob = activate(side);

    client.newCorrelateMessageCommand().messageName(stopMessage).correlationKey("lead-3").send().join();
    sleep(300);

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    complete(sideJob, Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }
}
