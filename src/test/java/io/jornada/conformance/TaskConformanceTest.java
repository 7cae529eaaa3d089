package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Script, send, user and business rule tasks, and the job-based message throw and end events:
 * docs.camunda.io/docs/components/modeler/bpmn/script-tasks/, send-tasks/, user-tasks/,
 * business-rule-tasks/ and message-events/ (8.8).
 */
class TaskConformanceTest extends ConformanceTest {

  private static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

  /**
   * "When the process instance arrives at a script task, the integrated FEEL Scala engine
   * evaluates the script task FEEL expression. Once the FEEL expression is evaluated successfully,
   * the process instance continues"; resultVariable "will store the result of the FEEL expression
   * evaluation" and "is merged into the process instance".
   */
  @Test
  void aScriptTaskEvaluatesItsExpressionAndStoresTheResult() {
    String processId = unique("script");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("sum", t -> t.zeebeExpression("a + b").zeebeResultVariable("total")).endEvent().done());

    assertThat(run(processId, Map.of("a", 2, "b", 3))).containsEntry("total", 5);
  }

  /** "If the FEEL expression evaluation is unsuccessful, an incident is raised at the script task." */
  @Test
  void aScriptThatFailsRaisesAnIncident() {
    String processId = unique("script-fail");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("sum", t -> t.zeebeExpression("missing.value + 1").zeebeResultVariable("total")).endEvent().done());

    long instance = start(processId, Map.of());

    assertThat(InstanceProbe.hasIncident(client, instance)).isTrue();
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /** Job worker implementation of a script task (a task definition instead of zeebe:script): it creates a job of its type, like a service task, and completes with the job. */
  @Test
  void aJobBasedScriptTaskIsDoneByAJobWorker() {
    String processId = unique("script-job");
    String jobType = unique("script");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .scriptTask("run", t -> t.zeebeJobType(jobType)).endEvent().done());
    long instance = start(processId, Map.of());

    ActivatedJob job = activate(jobType);
    complete(job, Map.of("done", true));

    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Send tasks behave like service tasks (docs: send-tasks): a job of its type, with its task headers, and the task completes with the job. */
  @Test
  void aSendTaskCreatesAJob() {
    String processId = unique("send");
    String jobType = unique("send");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .sendTask("email", t -> t.zeebeJobType(jobType).zeebeTaskHeader("template", "welcome")).endEvent().done());
    long instance = start(processId, Map.of());

    ActivatedJob job = activate(jobType);
    complete(job, Map.of());

    assertThat(job.getElementId()).isEqualTo("email");
    assertThat(job.getCustomHeaders()).containsEntry("template", "welcome");
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * Job worker implementation of a user task: a job of type {@code io.camunda.zeebe:userTask};
   * "the assignee ... candidate groups ... candidate users" are passed in the headers
   * {@code io.camunda.zeebe:assignee}, {@code io.camunda.zeebe:candidateGroups} and
   * {@code io.camunda.zeebe:candidateUsers} (lists as JSON arrays), with the form key and due date
   * in {@code io.camunda.zeebe:formKey} and {@code io.camunda.zeebe:dueDate}.
   */
  @Test
  void aJobBasedUserTaskCreatesAUserTaskJobWithItsAssignment() {
    String processId = unique("user");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("review", t -> t.zeebeAssignee("ana").zeebeCandidateGroups("sales, marketing").zeebeCandidateUsers("bo")
            .zeebeFormKey("camunda-forms:bpmn:review").zeebeDueDate("2030-01-01T12:00:00Z")).endEvent().done());
    long instance = start(processId, Map.of());

    ActivatedJob job = await().atMost(Duration.ofSeconds(10))
        .until(() -> activateAll(USER_TASK_JOB_TYPE, 100).stream().filter(j -> j.getProcessInstanceKey() == instance).findFirst(), j -> j.isPresent())
        .orElseThrow();
    complete(job, Map.of("approved", true));

    assertThat(job.getCustomHeaders())
        .containsEntry("io.camunda.zeebe:assignee", "ana")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"sales\",\"marketing\"]")
        .containsEntry("io.camunda.zeebe:candidateUsers", "[\"bo\"]")
        .containsEntry("io.camunda.zeebe:formKey", "camunda-forms:bpmn:review")
        .containsEntry("io.camunda.zeebe:dueDate", "2030-01-01T12:00:00Z");
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** A Camunda user task ({@code zeebe:userTask}) needs the user task API, which the embedded engine does not serve: the deployment is rejected, naming the element and why. */
  @Test
  void aCamundaUserTaskIsRejectedAtDeployment() {
    String processId = unique("camunda-user");
    var model = Bpmn.createExecutableProcess(processId).startEvent().userTask("review", t -> t.zeebeUserTask()).endEvent().done();

    var problem = catchThrowableOfType(ProblemException.class, () -> deploy(model));

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("review").contains("zeebe:userTask");
  }

  /**
   * Business rule tasks, "Job worker implementation": "A business rule task can be implemented
   * using a job worker" with a task definition instead of a called decision (paraphrased): it
   * creates a job of its type, with its headers, and completes with the job.
   */
  @Test
  void aJobBasedBusinessRuleTaskIsDoneByAJobWorker() {
    String processId = unique("rule-job");
    String jobType = unique("rules");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .businessRuleTask("score", t -> t.zeebeJobType(jobType).zeebeTaskHeader("model", "v2")).endEvent().done());
    long instance = start(processId, Map.of());

    ActivatedJob job = activate(jobType);
    complete(job, Map.of("band", "A"));

    assertThat(job.getElementId()).isEqualTo("score");
    assertThat(job.getCustomHeaders()).containsEntry("model", "v2");
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * Message events, "Message throw events": "A process can send a message by using an
   * intermediate message throw event" implemented "the same way as a service task" with a task
   * definition (paraphrased): a job of its type, and the process continues when the job completes.
   */
  @Test
  void aMessageThrowEventIsDoneByAJobWorkerThenTheProcessContinues() {
    String processId = unique("message-throw");
    String jobType = unique("publish");
    String nextType = unique("after-throw");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateThrowEvent("notifySales", e -> e.message("lead-qualified").zeebeJobType(jobType).zeebeTaskHeader("channel", "crm"))
        .serviceTask("next", t -> t.zeebeJobType(nextType)).endEvent().done());
    long instance = start(processId, Map.of());

    ActivatedJob job = activate(jobType);
    complete(job, Map.of("sent", true));
    ActivatedJob next = activate(nextType);

    assertThat(job.getElementId()).isEqualTo("notifySales");
    assertThat(job.getCustomHeaders()).containsEntry("channel", "crm");
    assertThat(next.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(next.getVariablesAsMap()).containsEntry("sent", true);
  }

  /** Message events, "Message end events" (paraphrased): implemented like a service task, a job of its type; its path ends when the job completes. */
  @Test
  void aMessageEndEventIsDoneByAJobWorkerThenItsPathEnds() {
    String processId = unique("message-end");
    String jobType = unique("publish-end");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .endEvent("notifyAndEnd", e -> e.message("lead-closed").zeebeJobType(jobType)).done());
    long instance = start(processId, Map.of());

    ActivatedJob job = activate(jobType);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    complete(job, Map.of());

    assertThat(job.getElementId()).isEqualTo("notifyAndEnd");
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }
}
