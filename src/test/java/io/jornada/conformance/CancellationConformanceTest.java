package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cancelling a process instance: docs.camunda.io/docs/components/concepts/process-instance-creation/ and the cancel API (8.8). */
class CancellationConformanceTest extends ConformanceTest {

  /** "Cancel a running process instance. All active element instances are terminated": its jobs are gone with it. */
  @Test
  void cancellingTerminatesTheInstanceAndEverythingInsideIt() {
    String processId = unique("cancel");
    String jobType = unique("inner");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().serviceTask("inner", t -> t.zeebeJobType(jobType)).endEvent().subProcessDone()
        .endEvent().done());
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(jobType);

    client.newCancelInstanceCommand(instance).send().join();

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.TERMINATED);
    var problem = catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of()));
    assertThat(problem.code()).isEqualTo(404);
  }

  /** A waiting message catch of a cancelled instance no longer takes messages: its subscription is closed. */
  @Test
  void cancellingClosesTheInstancesMessageSubscriptions() {
    String processId = unique("cancel-msg");
    String message = unique("msg");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait").message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId")).endEvent().done());
    long instance = start(processId, Map.of("leadId", "lead-1"));

    client.newCancelInstanceCommand(instance).send().join();
    var problem = catchThrowableOfType(ProblemException.class, () ->
        client.newCorrelateMessageCommand().messageName(message).correlationKey("lead-1").send().join());

    assertThat(problem.code()).isEqualTo(404);
  }

  /** "NOT_FOUND: no process instance exists with the given key" — also for one that already ended. */
  @Test
  void cancellingAnUnknownOrEndedInstanceIsNotFound() {
    String processId = unique("cancel-ended");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done());
    long ended = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().withResult()
        .requestTimeout(Duration.ofSeconds(10)).send().join().getProcessInstanceKey();

    var problem = catchThrowableOfType(ProblemException.class, () -> client.newCancelInstanceCommand(ended).send().join());

    assertThat(problem.code()).isEqualTo(404);
    assertThat(problem.details().getDetail()).contains(String.valueOf(ended));
  }
}
