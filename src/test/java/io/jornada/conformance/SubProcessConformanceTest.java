package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedded subprocesses: docs.camunda.io/docs/components/modeler/bpmn/embedded-subprocesses/ (8.8). */
class SubProcessConformanceTest extends ConformanceTest {

  /** "The embedded subprocess ... is activated ... starts at its none start event ... completed when ... no more tokens inside": then its outgoing flow is taken. */
  @Test
  void subprocessRunsFromItsStartEventAndContinuesWhenItsLastPathEnds() {
    String processId = unique("sub");
    String inner = unique("inner");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().subProcessDone()
        .serviceTask("after", t -> t.zeebeJobType(after)).endEvent().done());
    long instance = start(processId, Map.of());

    complete(activate(inner), Map.of());
    ActivatedJob next = activate(after);
    complete(next, Map.of());

    assertThat(next.getProcessInstanceKey()).isEqualTo(instance);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * Variables docs (components/concepts/variables/): "input mappings ... create new local variables
   * in the scope"; a job's variables propagate to the nearest scope that defines them, else the
   * process instance; output mappings of the subprocess copy values out of its scope.
   */
  @Test
  void inputMappingsAreLocalToTheSubprocessAndOutputMappingsPropagate() {
    String processId = unique("sub-vars");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub", s -> s.zeebeInputExpression("5", "limit").zeebeOutputExpression("limit * 2", "doubled"))
        .embeddedSubProcess().startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().subProcessDone()
        .endEvent().done());

    var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> run(processId, Map.of("lead", "ana")));
    ActivatedJob job = activate(inner);
    complete(job, Map.of("score", 80));
    Map<String, Object> result = run.join();

    assertThat(job.getVariablesAsMap()).containsEntry("limit", 5).containsEntry("lead", "ana");
    assertThat(result).containsEntry("score", 80).containsEntry("doubled", 10).doesNotContainKey("limit");
  }

  /** A subprocess whose last inner path ends in an end event completes even when paths end at different times. */
  @Test
  void anEmptySubprocessCompletesAtOnce() {
    String processId = unique("sub-empty");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().endEvent().subProcessDone().endEvent().done());

    assertThat(run(processId, Map.of("x", 1))).containsEntry("x", 1);
  }
}
