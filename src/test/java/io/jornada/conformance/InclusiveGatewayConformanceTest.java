package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inclusive gateways: docs.camunda.io/docs/components/modeler/bpmn/inclusive-gateways/ (8.8). */
class InclusiveGatewayConformanceTest extends ConformanceTest {

  /** "When an inclusive gateway is entered, the conditions are evaluated. The process instance takes all sequence flows where the condition is fulfilled." */
  @Test
  void aForkTakesEveryFlowWhoseConditionIsFulfilled() {
    String processId = unique("or-fork");
    String a = unique("a");
    String b = unique("b");
    String c = unique("c");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().inclusiveGateway("fork")
        .conditionExpression("amount > 1").serviceTask("a", t -> t.zeebeJobType(a)).endEvent("end-a")
        .moveToNode("fork").conditionExpression("amount > 2").serviceTask("b", t -> t.zeebeJobType(b)).endEvent("end-b")
        .moveToNode("fork").conditionExpression("amount > 5").serviceTask("c", t -> t.zeebeJobType(c)).endEvent("end-c").done());
    long instance = start(processId, Map.of("amount", 3));

    complete(activate(a), Map.of());
    complete(activate(b), Map.of());

    assertThat(activateAll(c, 10)).isEmpty();
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "If no condition is fulfilled, it takes the default flow of the gateway." */
  @Test
  void withNoConditionFulfilledTheDefaultFlowIsTaken() {
    String processId = unique("or-default");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().inclusiveGateway("fork").defaultFlow()
        .scriptTask("fallback", t -> t.zeebeExpression("\"default\"").zeebeResultVariable("route")).endEvent("end-default")
        .moveToNode("fork").conditionExpression("amount > 5")
        .scriptTask("big", t -> t.zeebeExpression("\"big\"").zeebeResultVariable("route")).endEvent("end-big").done());

    assertThat(run(processId, Map.of("amount", 1))).containsEntry("route", "default");
  }

  /** "If no condition is fulfilled and the gateway has no default flow, an incident is created." */
  @Test
  void withNoConditionFulfilledAndNoDefaultFlowAnIncidentIsCreated() {
    String processId = unique("or-none");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().inclusiveGateway("fork")
        .conditionExpression("amount > 5").endEvent("end-big")
        .moveToNode("fork").conditionExpression("amount > 10").endEvent("end-huge").done());

    long instance = start(processId, Map.of("amount", 1));

    assertThat(InstanceProbe.hasIncident(client, instance)).isTrue();
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /**
   * "A converging gateway is completed and merges incoming sequence flows if ... All incoming
   * sequence flows have been taken at least once, [or] No path exists from any active flow node to
   * the inclusive gateway": the join waits for the paths that were taken, and only for them.
   */
  @Test
  void aJoinWaitsForThePathsThatWereTaken() {
    String processId = unique("or-join");
    String a = unique("a");
    String b = unique("b");
    String c = unique("c");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().inclusiveGateway("fork")
        .conditionExpression("amount > 1").serviceTask("a", t -> t.zeebeJobType(a)).inclusiveGateway("join")
        .serviceTask("after", t -> t.zeebeJobType(after)).endEvent()
        .moveToNode("fork").conditionExpression("amount > 2").serviceTask("b", t -> t.zeebeJobType(b)).connectTo("join")
        .moveToNode("fork").conditionExpression("amount > 5").serviceTask("c", t -> t.zeebeJobType(c)).connectTo("join").done());
    long instance = start(processId, Map.of("amount", 3));

    complete(activate(a), Map.of());
    assertThat(activateAll(after, 10)).isEmpty();
    complete(activate(b), Map.of());
    var afterJobs = activateAll(after, 10);

    assertThat(afterJobs).hasSize(1);
    complete(afterJobs.get(0), Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * "No path exists from any active flow node to the inclusive gateway": a taken path that turns
   * away from the join (here at an exclusive gateway) no longer holds it, and the join merges what
   * arrived.
   */
  @Test
  void aJoinStopsWaitingForAPathThatCanNoLongerReachIt() {
    String processId = unique("or-unreachable");
    String a = unique("a");
    String b = unique("b");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().inclusiveGateway("fork")
        .conditionExpression("true").serviceTask("a", t -> t.zeebeJobType(a)).inclusiveGateway("join")
        .serviceTask("after", t -> t.zeebeJobType(after)).endEvent("end")
        .moveToNode("fork").conditionExpression("true").serviceTask("b", t -> t.zeebeJobType(b)).exclusiveGateway("route")
        .conditionExpression("leave = true").endEvent("left")
        .moveToNode("route").conditionExpression("leave = false").connectTo("join").done());
    long instance = start(processId, Map.of());

    complete(activate(a), Map.of());
    assertThat(activateAll(after, 10)).isEmpty();
    complete(activate(b), Map.of("leave", true));
    complete(activate(after), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }
}
