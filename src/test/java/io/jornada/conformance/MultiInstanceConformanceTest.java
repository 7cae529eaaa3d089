package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.MultiInstanceLoopCharacteristicsBuilder;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Multi-instance activities: docs.camunda.io/docs/components/modeler/bpmn/multi-instance/ (8.8). */
class MultiInstanceConformanceTest extends ConformanceTest {

  /**
   * "In case of a parallel multi-instance activity, all instances are created when the
   * multi-instance body is activated"; "inputElement ... the variable is created as a local
   * variable of the instance"; "loopCounter ... the index of the instance, starting at 1".
   */
  @Test
  void aParallelActivityCreatesOneInstancePerElementAtOnce() {
    String jobType = unique("each");
    String processId = deployTask(jobType, m -> m.parallel().zeebeInputCollectionExpression("items").zeebeInputElement("item"));
    long instance = start(processId, Map.of("items", List.of("a", "b", "c")));

    List<ActivatedJob> jobs = await().atMost(Duration.ofSeconds(10)).until(() -> activateAll(jobType, 10), j -> j.size() == 3);

    assertThat(jobs).allMatch(j -> j.getProcessInstanceKey() == instance);
    assertThat(jobs).extracting(j -> j.getVariablesAsMap().get("item")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(jobs).extracting(j -> j.getVariablesAsMap().get("loopCounter")).containsExactlyInAnyOrder(1, 2, 3);
    jobs.forEach(j -> assertThat(j.getVariablesAsMap().get("loopCounter")).isEqualTo(List.of("a", "b", "c").indexOf(j.getVariablesAsMap().get("item")) + 1));
  }

  /** "In case of a sequential multi-instance activity, the instances are executed one at a time. When one instance is completed, a new instance is created for the next element in the inputCollection." */
  @Test
  void aSequentialActivityRunsOneInstanceAfterAnotherInCollectionOrder() {
    String jobType = unique("each");
    String processId = deployTask(jobType, m -> m.sequential().zeebeInputCollectionExpression("items").zeebeInputElement("item"));
    long instance = start(processId, Map.of("items", List.of("a", "b", "c")));

    for (String expected : List.of("a", "b", "c")) {
      ActivatedJob job = activate(jobType);
      assertThat(activateAll(jobType, 10)).isEmpty();
      assertThat(job.getVariablesAsMap()).containsEntry("item", expected).containsEntry("loopCounter", List.of("a", "b", "c").indexOf(expected) + 1);
      complete(job, Map.of());
    }

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * "outputCollection ... is created as a local variable of the multi-instance body and gets
   * updated when an instance is completed. When the multi-instance body is completed, the variable
   * is propagated to its parent scopes"; the results keep the order of the input collection, also
   * when parallel instances complete in another order. "outputElement ... If the expression only
   * accesses a variable ... it's created as local variable of the instance", so it stays there.
   */
  @Test
  void theOutputCollectionGathersEachOutputElementInCollectionOrder() {
    String jobType = unique("each");
    String processId = deployTask(jobType, m -> m.parallel().zeebeInputCollectionExpression("items").zeebeInputElement("item")
        .zeebeOutputCollection("results").zeebeOutputElementExpression("result"));
    var run = CompletableFuture.supplyAsync(() -> run(processId, Map.of("items", List.of(1, 2, 3))));

    List<ActivatedJob> jobs = await().atMost(Duration.ofSeconds(10)).until(() -> activateAll(jobType, 10), j -> j.size() == 3);
    jobs.stream()
        .sorted(Comparator.comparing((ActivatedJob j) -> (Integer) j.getVariablesAsMap().get("item")).reversed())
        .forEach(j -> complete(j, Map.of("result", (Integer) j.getVariablesAsMap().get("item") * 10)));
    Map<String, Object> result = run.join();

    assertThat(result).containsEntry("results", List.of(10, 20, 30));
    assertThat(result).doesNotContainKeys("item", "loopCounter", "result");
  }

  /**
   * The inner activity can be an embedded subprocess: each instance runs the subprocess with its
   * own input element; the activity's input mappings create local variables of each instance, to
   * which the job's variables propagate.
   */
  @Test
  void anEmbeddedSubprocessRunsOncePerElement() {
    String processId = unique("mi-sub");
    String jobType = unique("inner");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub", s -> s.zeebeInputExpression("0", "score").multiInstance(m -> m.parallel().zeebeInputCollectionExpression("leads").zeebeInputElement("lead")
            .zeebeOutputCollection("scores").zeebeOutputElementExpression("{lead: lead, score: score}")))
        .embeddedSubProcess().startEvent().serviceTask("score", t -> t.zeebeJobType(jobType)).endEvent()
        .subProcessDone().endEvent().done());
    var run = CompletableFuture.supplyAsync(() -> run(processId, Map.of("leads", List.of("ana", "bo"))));

    List<ActivatedJob> jobs = await().atMost(Duration.ofSeconds(10)).until(() -> activateAll(jobType, 10), j -> j.size() == 2);
    jobs.forEach(j -> complete(j, Map.of("score", "ana".equals(j.getVariablesAsMap().get("lead")) ? 80 : 20)));

    assertThat(run.join()).containsEntry("scores", List.of(Map.of("lead", "ana", "score", 80), Map.of("lead", "bo", "score", 20)));
  }

  /** An empty input collection: no instance is created and the activity completes at once, with an empty output collection. */
  @Test
  void anEmptyCollectionCompletesAtOnce() {
    String jobType = unique("each");
    String processId = deployTask(jobType, m -> m.parallel().zeebeInputCollectionExpression("items").zeebeInputElement("item")
        .zeebeOutputCollection("results").zeebeOutputElementExpression("result"));

    assertThat(run(processId, Map.of("items", List.of()))).containsEntry("results", List.of());
  }

  /** "inputCollection ... must be an array": anything else raises an incident (EXTRACT_VALUE_ERROR) and the activity waits. */
  @Test
  void anInputCollectionThatIsNotAListRaisesAnIncident() {
    String jobType = unique("each");
    String processId = deployTask(jobType, m -> m.parallel().zeebeInputCollectionExpression("items").zeebeInputElement("item"));

    long instance = start(processId, Map.of("items", "not a list"));

    assertThat(InstanceProbe.hasIncident(client, instance)).isTrue();
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(activateAll(jobType, 10)).isEmpty();
  }

  /**
   * Each instance of a multi-instance subprocess is a scope of its own, so its event subprocesses
   * listen in every instance: here an interrupting timer event subprocess ends each instance's
   * wait, and the body completes without any job being done.
   */
  @Test
  void theEventSubprocessesOfEachInstanceListen() {
    String processId = unique("mi-esp");
    String jobType = unique("inner");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub", s -> s.multiInstance(m -> m.parallel().zeebeInputCollectionExpression("leads").zeebeInputElement("lead")))
        .embeddedSubProcess()
        .eventSubProcess("timeout", e -> e.startEvent("late").timerWithDuration("PT0.5S").endEvent("gaveUp"))
        .startEvent().serviceTask("wait", t -> t.zeebeJobType(jobType)).endEvent()
        .subProcessDone().endEvent().done());
    long instance = start(processId, Map.of("leads", List.of("ana", "bo")));

    await().atMost(Duration.ofSeconds(10)).until(() -> activateAll(jobType, 10), j -> j.size() == 2);

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * "completionCondition ... is evaluated each time the instance of the multi-instance body
   * completes. Any instances that are still active are terminated and the multi-instance body is
   * completed when the expression evaluates to true"; the body's counters numberOfInstances,
   * numberOfCompletedInstances, numberOfActiveInstances and numberOfTerminatedInstances are
   * available to it.
   */
  @Test
  void aCompletionConditionEndsTheActivityEarly() {
    String jobType = unique("each");
    String processId = deployTask(jobType, m -> m.parallel().zeebeInputCollectionExpression("items").zeebeInputElement("item")
        .completionCondition("=numberOfCompletedInstances >= 2 and numberOfActiveInstances = 1 and numberOfInstances = 3"
            + " and numberOfTerminatedInstances = 0"));
    long instance = start(processId, Map.of("items", List.of(1, 2, 3)));

    List<ActivatedJob> jobs = await().atMost(Duration.ofSeconds(10)).until(() -> activateAll(jobType, 10), j -> j.size() == 3);
    complete(jobs.get(0), Map.of());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    complete(jobs.get(1), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** The completion condition can read the variables of the instance that completed: a sequential search stops at the first hit. */
  @Test
  void aSequentialActivityStopsWhenTheConditionHolds() {
    String jobType = unique("each");
    String processId = deployTask(jobType, m -> m.sequential().zeebeInputCollectionExpression("items").zeebeInputElement("item")
        .completionCondition("=found = true"));
    long instance = start(processId, Map.of("items", List.of("x", "y", "z")));

    complete(activate(jobType), Map.of("found", false));
    complete(activate(jobType), Map.of("found", true));

    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(activateAll(jobType, 10)).isEmpty();
  }

  private String deployTask(String jobType, Consumer<MultiInstanceLoopCharacteristicsBuilder> loop) {
    String processId = unique("mi");
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("each", t -> t.zeebeJobType(jobType).multiInstance(loop)).endEvent().done();
    deploy(model);
    return processId;
  }
}
