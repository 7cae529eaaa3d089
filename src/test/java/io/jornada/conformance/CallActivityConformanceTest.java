package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Call activities: docs.camunda.io/docs/components/modeler/bpmn/call-activities/ (8.8). */
class CallActivityConformanceTest extends ConformanceTest {

  /**
   * "When a call activity is entered, a new process instance of the referenced process is created.
   * The new process instance is activated at the none start event. The process can have start
   * events of other types, but they are ignored." With bindingType latest (the default): "the latest
   * deployed version at the moment the call activity is activated."
   */
  @Test
  void enteringCreatesAnInstanceOfTheLatestVersionAtItsNoneStartEvent() {
    String childId = unique("child");
    String oldType = unique("old");
    String newType = unique("new");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("work", t -> t.zeebeJobType(oldType)).endEvent().done());
    deploy(Bpmn.createExecutableProcess(childId)
        .startEvent("byMessage").message(unique("ignored")).endEvent()
        .moveToProcess(childId).startEvent("none").serviceTask("work", t -> t.zeebeJobType(newType)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", c -> c.zeebeProcessId(childId)).endEvent().done());

    long parent = start(parentId, Map.of());
    ActivatedJob job = activate(newType);

    assertThat(job.getBpmnProcessId()).isEqualTo(childId);
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(job.getProcessInstanceKey()).isNotEqualTo(parent);
    assertThat(activateAll(oldType, 1)).isEmpty();
    assertThat(state(job.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /** bindingType "deployment: The version that was deployed together with the currently running version of the calling process." */
  @Test
  void withBindingTypeDeploymentTheVersionDeployedWithTheCallerIsCalled() {
    String childId = unique("child");
    String oldType = unique("old");
    String parentId = unique("parent");
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("work", t -> t.zeebeJobType(oldType)).endEvent().done(), "child.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess(parentId).startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId).zeebeBindingType(ZeebeBindingType.deployment)).endEvent().done(), "parent.bpmn")
        .send().join();
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("work", t -> t.zeebeJobType(unique("new"))).endEvent().done());

    start(parentId, Map.of());

    assertThat(activate(oldType).getProcessDefinitionVersion()).isEqualTo(1);
  }

  /** The embedded engine does not call by version tag: such a call activity is rejected at deployment, naming the element and the reason. */
  @Test
  void bindingTypeVersionTagIsRejectedAtDeployment() {
    var model = Bpmn.createExecutableProcess(unique("parent")).startEvent()
        .callActivity("call", c -> c.zeebeProcessId("any").zeebeBindingType(ZeebeBindingType.versionTag).zeebeVersionTag("v1")).endEvent().done();

    var problem = catchThrowableOfType(ProblemException.class, () -> deploy(model));

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("'call'").contains("versionTag");
  }

  /** "When the created process instance is completed, the call activity is left and the outgoing sequence flow is taken." */
  @Test
  void theCallActivityCompletesWhenTheCalledInstanceCompletes() {
    String childId = unique("child");
    String inner = unique("inner");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", c -> c.zeebeProcessId(childId))
        .serviceTask("after", t -> t.zeebeJobType(after)).endEvent().done());
    long parent = start(parentId, Map.of());

    ActivatedJob innerJob = activate(inner);
    assertThat(activateAll(after, 1)).isEmpty();
    complete(innerJob, Map.of());
    ActivatedJob afterJob = activate(after);

    assertThat(afterJob.getProcessInstanceKey()).isEqualTo(parent);
    assertThat(state(innerJob.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.COMPLETED);
    complete(afterJob, Map.of());
    awaitState(parent, ProcessInstanceState.COMPLETED);
  }

  /** "processId ... can also be defined as expression (e.g. = "shipping-" + tenantId). The expression is evaluated on activating the call activity." */
  @Test
  void theCalledProcessIdMayBeAnExpression() {
    String childId = unique("child");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent()
        .callActivity("call", c -> c.zeebeProcessIdExpression("\"" + childId.substring(0, 6) + "\" + rest")).endEvent().done());

    assertThat(run(parentId, Map.of("rest", childId.substring(6)))).containsEntry("rest", childId.substring(6));
    assertThat(instancesOf(childId)).singleElement().extracting(ProcessInstance::getState).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  /**
   * Variable mappings: "By default, all variables of the call activity scope are copied to the
   * created process instance." Input mappings create local variables of the call activity, and
   * "these variables are also copied to the created process instance."
   */
  @Test
  void allVisibleVariablesAreCopiedToTheCalledInstanceByDefault() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(childId).zeebeInputExpression("score + 1", "nextScore")).endEvent().done());
    start(parentId, Map.of("lead", "ana", "score", 41));

    ActivatedJob job = activate(inner);

    assertThat(job.getVariablesAsMap()).containsEntry("lead", "ana").containsEntry("score", 41).containsEntry("nextScore", 42);
  }

  /** Variable mappings: copying "can be limited to copying only the local variables of the call activity" (its input mappings) by setting propagateAllParentVariables to false. */
  @Test
  void withoutPropagatingAllParentVariablesOnlyInputMappedOnesAreCopied() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(childId).zeebePropagateAllParentVariables(false).zeebeInputExpression("lead", "who"))
        .endEvent().done());
    start(parentId, Map.of("lead", "ana", "score", 41));

    ActivatedJob job = activate(inner);

    assertThat(job.getVariablesAsMap()).containsOnly(Map.entry("who", "ana"));
  }

  /** "If the attribute propagateAllChildVariables is set (default: true), all variables of the created process instance are propagated to the call activity", and on into the calling process. */
  @Test
  void allVariablesOfTheCalledInstancePropagateByDefault() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", c -> c.zeebeProcessId(childId)).endEvent().done());

    var result = CompletableFuture.supplyAsync(() -> run(parentId, Map.of("lead", "ana")));
    complete(activate(inner), Map.of("score", 80, "channel", "email"));

    assertThat(result.join()).containsEntry("lead", "ana").containsEntry("score", 80).containsEntry("channel", "email");
  }

  /** "This behavior can be customized by defining output mappings at the call activity. The output mappings are applied on completing the call activity and only those variables that are defined in the output mappings are propagated." */
  @Test
  void withOutputMappingsOnlyTheMappedVariablesPropagate() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(childId).zeebeOutputExpression("score * 2", "doubled")).endEvent().done());

    var result = CompletableFuture.supplyAsync(() -> run(parentId, Map.of("lead", "ana")));
    complete(activate(inner), Map.of("score", 40, "channel", "email"));

    assertThat(result.join()).containsEntry("doubled", 80).doesNotContainKeys("score", "channel");
  }

  /** Variable mappings, paraphrased: with propagateAllChildVariables disabled, no variable of the created process instance propagates unless an output mapping takes it. */
  @Test
  void withoutPropagatingAllChildVariablesNothingPropagatesWithoutOutputMappings() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(childId).zeebePropagateAllChildVariables(false)).endEvent().done());

    var result = CompletableFuture.supplyAsync(() -> run(parentId, Map.of("lead", "ana")));
    complete(activate(inner), Map.of("score", 80, "lead", "bob"));

    assertThat(result.join()).containsOnly(Map.entry("lead", "ana"));
  }

  /** Same page: with propagateAllChildVariables disabled, output mappings still take values from the called instance. */
  @Test
  void withoutPropagatingAllChildVariablesOutputMappingsStillApply() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(childId).zeebePropagateAllChildVariables(false).zeebeOutputExpression("score", "finalScore"))
        .endEvent().done());

    var result = CompletableFuture.supplyAsync(() -> run(parentId, Map.of()));
    complete(activate(inner), Map.of("score", 80, "channel", "email"));

    assertThat(result.join()).containsOnly(Map.entry("finalScore", 80));
  }

  /**
   * Boundary events section: "When an interrupting boundary event is triggered, the call activity
   * and the created process instance are terminated" — terminating the call activity (here by
   * cancelling the calling instance) terminates the called instance with it.
   */
  @Test
  void cancellingTheCallingInstanceTerminatesTheCalledInstance() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", c -> c.zeebeProcessId(childId)).endEvent().done());
    long parent = start(parentId, Map.of());
    ActivatedJob job = activate(inner);

    client.newCancelInstanceCommand(parent).send().join();

    assertThat(state(parent)).isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(state(job.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.TERMINATED);
    var problem = catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of()));
    assertThat(problem.code()).isEqualTo(404);
  }

  /**
   * A called instance cannot be cancelled on its own (Zeebe rejects it: "it is created by a parent
   * process instance. Cancel the root process instance ... instead"); it keeps running.
   */
  @Test
  void cancellingACalledInstanceDirectlyIsRejected() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", c -> c.zeebeProcessId(childId)).endEvent().done());
    long parent = start(parentId, Map.of());
    long child = activate(inner).getProcessInstanceKey();

    var problem = catchThrowableOfType(ProblemException.class, () -> client.newCancelInstanceCommand(child).send().join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("parent process instance").contains(String.valueOf(parent));
    assertThat(state(child)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(state(parent)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /** The process-instance search result names the calling instance and call activity instance of a called instance, and none for the root. */
  @Test
  void theCalledInstanceNamesItsParent() {
    String childId = unique("child");
    String inner = unique("inner");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("inner", t -> t.zeebeJobType(inner)).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", c -> c.zeebeProcessId(childId)).endEvent().done());
    long parent = start(parentId, Map.of());
    long child = activate(inner).getProcessInstanceKey();

    ProcessInstance called = instance(child);
    ProcessInstance calling = instance(parent);

    assertThat(called.getParentProcessInstanceKey()).isEqualTo(parent);
    assertThat(called.getParentElementInstanceKey()).isNotNull().isNotEqualTo(parent);
    assertThat(calling.getParentProcessInstanceKey()).isNull();
    assertThat(client.newProcessInstanceSearchRequest().filter(f -> f.parentProcessInstanceKey(parent)).send().join().items())
        .extracting(ProcessInstance::getProcessInstanceKey).containsExactly(child);
  }

  /** Zeebe raises an incident (error type CALLED_ELEMENT_ERROR) when the called process is not deployed; the call activity waits, the calling instance stays active. */
  @Test
  void anUnknownCalledProcessRaisesAnIncident() {
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", c -> c.zeebeProcessId(unique("missing"))).endEvent().done());

    long parent = start(parentId, Map.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> instance(parent).getHasIncident());
    assertThat(state(parent)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /** "The new process instance is activated at the none start event": a called process without one raises an incident. */
  @Test
  void aCalledProcessWithoutNoneStartEventRaisesAnIncident() {
    String childId = unique("child");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().message(unique("only")).endEvent().done());
    String parentId = unique("parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent().callActivity("call", c -> c.zeebeProcessId(childId)).endEvent().done());

    long parent = start(parentId, Map.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> instance(parent).getHasIncident());
    assertThat(instancesOf(childId)).isEmpty();
  }

  private ProcessInstance instance(long processInstanceKey) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join().items().get(0);
  }

  private List<ProcessInstance> instancesOf(String processId) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId)).send().join().items();
  }
}
