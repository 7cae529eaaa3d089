package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Manual and undefined tasks: docs.camunda.io/docs/components/modeler/bpmn/manual-tasks/ and
 * undefined-tasks/ (8.8).
 */
class ManualAndUndefinedTaskConformanceTest extends ConformanceTest {

  /** Manual tasks (paraphrased): the engine treats a manual task as a pass-through activity and continues the process as soon as it is reached. */
  @Test
  void aManualTaskIsPassedThrough() {
    String processId = unique("manual");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().manualTask("signByHand").endEvent().done());

    assertThat(run(processId, Map.of("lead", "ana"))).containsEntry("lead", "ana");
  }

  /** Undefined tasks (paraphrased): a task without a type is, like a manual task, a pass-through activity the engine continues past at once. */
  @Test
  void anUndefinedTaskIsPassedThrough() {
    String processId = unique("undefined");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().task("later").endEvent().done());

    assertThat(run(processId, Map.of("lead", "ana"))).containsEntry("lead", "ana");
  }

  /** Manual tasks, variable mappings (paraphrased): input mappings create local variables of the task, output mappings set variables of the scope when it completes. */
  @Test
  void aManualTaskAppliesItsInputAndOutputMappings() {
    String processId = unique("manual-mappings");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .manualTask("signByHand").zeebeInputExpression("score * 2", "doubled").zeebeOutputExpression("doubled + 1", "result")
        .endEvent().done());

    Map<String, Object> variables = run(processId, Map.of("score", 20));

    assertThat(variables).containsEntry("result", 41).doesNotContainKey("doubled");
  }

  /** Undefined tasks are activities like any other: a flow continues past them to the next element (here a service task's job). */
  @Test
  void theFlowContinuesAfterAnUndefinedTask() {
    String processId = unique("undefined-then-job");
    String jobType = unique("after");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().task("later").serviceTask("next").zeebeJobType(jobType).endEvent().done());
    long instance = start(processId, Map.of());

    ActivatedJob job = activate(jobType);
    complete(job, Map.of());

    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }
}
