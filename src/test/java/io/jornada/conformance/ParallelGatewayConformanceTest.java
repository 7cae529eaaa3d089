package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parallel gateways: docs.camunda.io/docs/components/modeler/bpmn/parallel-gateways/ (8.8). */
class ParallelGatewayConformanceTest extends ConformanceTest {

  /** "When a parallel gateway with multiple outgoing sequence flows is entered, all flows are taken." */
  @Test
  void aForkTakesEveryOutgoingFlow() {
    String processId = unique("fork");
    String a = unique("a");
    String b = unique("b");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType(a)).endEvent("end-a")
        .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType(b)).endEvent("end-b").done());
    long instance = start(processId, Map.of());

    var jobA = activate(a);
    var jobB = activate(b);

    assertThat(jobA.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(jobB.getProcessInstanceKey()).isEqualTo(instance);
  }

  /**
   * "The concurrent paths can be joined using a parallel gateway with multiple incoming sequence
   * flows. The process instance waits at the parallel gateway until each incoming sequence is
   * taken."
   */
  @Test
  void aJoinWaitsUntilEachIncomingFlowWasTaken() {
    String processId = unique("join");
    String a = unique("a");
    String b = unique("b");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType(a)).parallelGateway("join").serviceTask("after", t -> t.zeebeJobType(after)).endEvent()
        .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType(b)).connectTo("join").done());
    long instance = start(processId, Map.of());

    complete(activate(a), Map.of());
    assertThat(activateAll(after, 10)).isEmpty();
    complete(activate(b), Map.of());
    var afterJobs = activateAll(after, 10);

    assertThat(afterJobs).hasSize(1);
    complete(afterJobs.get(0), Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * "Waits ... until each incoming sequence is taken": one incoming flow taken twice does not stand
   * in for another that was not taken; the join fires once, when the missing flow arrives, and the
   * extra arrival keeps waiting at the join (so the instance stays active).
   */
  @Test
  void aFlowTakenTwiceDoesNotReplaceAMissingOne() {
    String processId = unique("join-twice");
    String a = unique("a");
    String b = unique("b");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType(a)).parallelGateway("join").serviceTask("after", t -> t.zeebeJobType(after)).endEvent()
        .moveToNode("fork").serviceTask("b1", t -> t.zeebeJobType(b)).exclusiveGateway("merge").sequenceFlowId("b-to-join").connectTo("join")
        .moveToNode("fork").serviceTask("b2", t -> t.zeebeJobType(b)).connectTo("merge").done());
    long instance = start(processId, Map.of());

    complete(activate(b), Map.of());
    complete(activate(b), Map.of());
    assertThat(activateAll(after, 10)).isEmpty();
    complete(activate(a), Map.of());
    complete(activate(after), Map.of());

    assertThat(activateAll(after, 10)).isEmpty();
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /** Paths run independently: a path that ends at an end event does not end the others, and the instance completes when the last one ends. */
  @Test
  void theInstanceCompletesWhenTheLastParallelPathEnds() {
    String processId = unique("paths");
    String a = unique("a");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType(a)).endEvent("end-a")
        .moveToNode("fork").endEvent("end-b").done());
    long instance = start(processId, Map.of());

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    complete(activate(a), Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** A join inside an embedded subprocess keeps the subprocess open until it fires; the flows that wait there are state of that scope. */
  @Test
  void aJoinInsideASubprocessJoinsThere() {
    String processId = unique("join-sub");
    String a = unique("a");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType(a)).parallelGateway("join").endEvent()
        .moveToNode("fork").connectTo("join").subProcessDone()
        .endEvent().done());
    long instance = start(processId, Map.of());

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    complete(activate(a), Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }
}
