package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Variables: docs.camunda.io/docs/components/concepts/variables/ (8.8), the job failure and
 * set-variables commands of the Orchestration Cluster REST API.
 */
class VariableConformanceTest extends ConformanceTest {

  /** "Input mappings can be used to create new local variables in the scope of an activity": the task sees them, the process instance does not get them. */
  @Test
  void inputMappingsCreateLocalVariables() {
    String processId = unique("vars-input");
    String jobType = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType).zeebeInputExpression("lead.name", "recipient")).endEvent().done());
    var run = CompletableFuture.supplyAsync(() -> run(processId, Map.of("lead", Map.of("name", "ana"))));

    ActivatedJob job = activate(jobType);
    complete(job, Map.of());

    assertThat(job.getVariablesAsMap()).containsEntry("recipient", "ana");
    assertThat(run.join()).doesNotContainKey("recipient");
  }

  /** An output mapping whose target is a nested property ({@code lead.score}) merges the value into the existing object instead of replacing it. */
  @Test
  void aDottedOutputTargetMergesIntoTheExistingObject() {
    String processId = unique("vars-dotted");
    String jobType = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType).zeebeOutputExpression("score", "lead.score")).endEvent().done());
    var run = CompletableFuture.supplyAsync(() -> run(processId, Map.of("lead", Map.of("name", "ana", "score", 1))));

    complete(activate(jobType), Map.of("score", 80));

    assertThat(run.join()).containsEntry("lead", Map.of("name", "ana", "score", 80)).doesNotContainKey("score");
  }

  /**
   * "When variables are merged into a process instance (e.g. on job completion ...), each variable
   * is propagated from the scope of the activity to its higher scopes. The propagation ends if a
   * scope contains a variable with the same name ... If no scope contains this variable, it's
   * created as a new variable in the root scope."
   */
  @Test
  void aJobsVariablesGoToTheNearestScopeThatDefinesThemElseToTheRoot() {
    String processId = unique("vars-propagate");
    String jobType = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub", s -> s.zeebeInputExpression("0", "attempts"))
        .embeddedSubProcess().startEvent().serviceTask("task", t -> t.zeebeJobType(jobType)).serviceTask("check", t -> t.zeebeJobType(jobType + "-check"))
        .endEvent().subProcessDone().serviceTask("after", t -> t.zeebeJobType(jobType + "-after")).endEvent().done());
    start(processId, Map.of("attempts", 7));

    complete(activate(jobType), Map.of("attempts", 1, "score", 80));
    ActivatedJob check = activate(jobType + "-check");
    complete(check, Map.of());
    ActivatedJob after = activate(jobType + "-after");

    assertThat(check.getVariablesAsMap()).containsEntry("attempts", 1);
    assertThat(after.getVariablesAsMap()).containsEntry("attempts", 7).containsEntry("score", 80);
  }

  /** Failing a job with variables: they are set "at the local scope of the job's associated task" — the retry sees them, the process instance does not. */
  @Test
  void variablesOfAJobFailureStayLocalToTheTask() {
    String processId = unique("vars-fail");
    String jobType = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType)).endEvent().done());
    var run = CompletableFuture.supplyAsync(() -> run(processId, Map.of()));

    client.newFailCommand(activate(jobType).getKey()).retries(2).errorMessage("busy").variables(Map.of("lastError", "busy")).send().join();
    ActivatedJob retry = activate(jobType);
    complete(retry, Map.of());

    assertThat(retry.getVariablesAsMap()).containsEntry("lastError", "busy");
    assertThat(run.join()).doesNotContainKey("lastError");
  }

  /**
   * Set variables with {@code local: true}: "the variables will be merged strictly into the local
   * scope (as indicated by elementInstanceKey); this means the variables are not propagated to upper
   * scopes" — set on the task, they end with it.
   */
  @Test
  void settingVariablesLocallyKeepsThemOnThatElementInstance() {
    String processId = unique("vars-set-local");
    String jobType = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType)).endEvent().done());
    var run = CompletableFuture.supplyAsync(() -> run(processId, Map.of("status", "new")));
    ActivatedJob job = activate(jobType);

    client.newSetVariablesCommand(job.getElementInstanceKey()).variables(Map.of("status", "local", "note", "x")).local(true).send().join();
    complete(job, Map.of());

    assertThat(run.join()).containsEntry("status", "new").doesNotContainKey("note");
  }

  /**
   * Set variables with {@code local: false}: each variable propagates from the given scope to the
   * nearest scope that has it ("if local was false ... scope 1 would be { foo: 5 }"), and a new one
   * is created in the root scope.
   */
  @Test
  void settingVariablesNonLocallyPropagatesThem() {
    String processId = unique("vars-set");
    String jobType = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType)).endEvent().done());
    var run = CompletableFuture.supplyAsync(() -> run(processId, Map.of("status", "new")));
    ActivatedJob job = activate(jobType);

    client.newSetVariablesCommand(job.getElementInstanceKey()).variables(Map.of("status", "contacted", "note", "x")).local(false).send().join();
    complete(job, Map.of());

    assertThat(run.join()).containsEntry("status", "contacted").containsEntry("note", "x");
  }

  /** Set variables on the process instance itself (its key is an element instance key too): the root scope gets them, and the next job sees them. */
  @Test
  void settingVariablesOnTheProcessInstanceSetsThemAtTheRoot() {
    String processId = unique("vars-set-root");
    String jobType = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(jobType)).endEvent().done());
    long instance = start(processId, Map.of());

    client.newSetVariablesCommand(instance).variables(Map.of("segment", "warm")).send().join();

    assertThat(activate(jobType).getVariablesAsMap()).containsEntry("segment", "warm");
  }

  /** Set variables for an element instance that does not exist (or no longer is active): 404 problem. */
  @Test
  void settingVariablesOnAnUnknownElementInstanceIsNotFound() {
    String processId = unique("vars-set-gone");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done());
    long ended = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().withResult()
        .requestTimeout(Duration.ofSeconds(10)).send().join().getProcessInstanceKey();

    var problem = catchThrowableOfType(ProblemException.class, () ->
        client.newSetVariablesCommand(ended).variables(Map.of("x", 1)).send().join());

    assertThat(problem.code()).isEqualTo(404);
    assertThat(problem.details().getDetail()).contains(String.valueOf(ended));
  }
}
