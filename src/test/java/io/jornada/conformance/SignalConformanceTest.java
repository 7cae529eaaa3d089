package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signal events: docs.camunda.io/docs/components/modeler/bpmn/signal-events/ (8.8) and the signal
 * broadcast endpoint, docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/broadcast-signal/.
 */
class SignalConformanceTest extends EventConformanceTest {

  /** "If the name of the broadcasted signal matches the name of the signal start event, the process instance is created", with the signal's variables. */
  @Test
  void aBroadcastStartsAnInstanceAtASignalStartEvent() {
    String processId = unique("signal-start");
    String signal = unique("go");
    String type = processId + "-work";
    deploy(Bpmn.createExecutableProcess(processId).startEvent().signal(signal)
        .serviceTask("task", t -> t.zeebeJobType(type)).endEvent().done());

    var response = client.newBroadcastSignalCommand().signalName(signal).variables(Map.of("lead", "ada")).send().join();

    assertThat(response.getKey()).isPositive();
    assertThat(activate(type).getVariablesAsMap()).containsEntry("lead", "ada");
  }

  /** "Deploying several processes with a signal start event enables creation of multiple process instances by performing a single broadcast." */
  @Test
  void oneBroadcastStartsAnInstanceOfEachProcessWithThatSignalStart() {
    String signal = unique("go");
    String first = unique("signal-start-a");
    String second = unique("signal-start-b");
    deploy(Bpmn.createExecutableProcess(first).startEvent().signal(signal).intermediateCatchEvent().signal(unique("never")).endEvent().done());
    deploy(Bpmn.createExecutableProcess(second).startEvent().signal(signal).intermediateCatchEvent().signal(unique("never")).endEvent().done());

    client.newBroadcastSignalCommand().signalName(signal).send().join();

    await().atMost(Duration.ofSeconds(10)).until(() -> instancesOf(first) == 1 && instancesOf(second) == 1);
  }

  /** "Signal subscriptions only exist for the latest version of a process definition. Deploying a new version ... will delete the old signal subscription." */
  @Test
  void onlyTheLatestVersionsSignalStartEventSubscribes() throws InterruptedException {
    String processId = unique("signal-start-replaced");
    String signal = unique("go");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().signal(signal).endEvent().done());
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent("v2").done());

    client.newBroadcastSignalCommand().signalName(signal).send().join();
    Thread.sleep(300);

    assertThat(instancesOf(processId)).isZero();
  }

  /** "When a signal intermediate catch event is entered, a signal subscription is created ... waits until it is triggered by a broadcasted signal with the same name"; signal variables are merged into the instance. */
  @Test
  void aBroadcastTriggersAWaitingCatchEvent() {
    String processId = unique("signal-catch");
    String signal = unique("go");
    String type = processId + "-work";
    deploy(Bpmn.createExecutableProcess(processId).startEvent().intermediateCatchEvent("wait").signal(signal)
        .serviceTask("task", t -> t.zeebeJobType(type)).endEvent().done());
    long instance = start(processId, Map.of());

    client.newBroadcastSignalCommand().signalName(signal).variables(Map.of("reason", "launch")).send().join();

    assertThat(activate(type).getVariablesAsMap()).containsEntry("reason", "launch");
  }

  /** "A signal will trigger all process instances with a token waiting at a corresponding catch event, even across different processes." */
  @Test
  void aBroadcastTriggersEveryWaitingInstance() {
    String signal = unique("go");
    String first = unique("signal-all-a");
    String second = unique("signal-all-b");
    deploy(Bpmn.createExecutableProcess(first).startEvent().intermediateCatchEvent().signal(signal).endEvent().done());
    deploy(Bpmn.createExecutableProcess(second).startEvent().intermediateCatchEvent().signal(signal).endEvent().done());
    long a1 = start(first, Map.of());
    long a2 = start(first, Map.of());
    long b = start(second, Map.of());

    client.newBroadcastSignalCommand().signalName(signal).send().join();

    awaitState(a1, ProcessInstanceState.COMPLETED);
    awaitState(a2, ProcessInstanceState.COMPLETED);
    awaitState(b, ProcessInstanceState.COMPLETED);
  }

  /** Signals are not buffered (a broadcast reaches the subscriptions open at that moment): a broadcast before the catch event is entered is lost, and the instance keeps waiting. */
  @Test
  void aSignalIsNotBuffered() throws InterruptedException {
    String processId = unique("signal-late");
    String signal = unique("go");
    String type = processId + "-work";
    deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("first", t -> t.zeebeJobType(type))
        .intermediateCatchEvent("wait").signal(signal).endEvent().done());
    long instance = start(processId, Map.of());
    client.newBroadcastSignalCommand().signalName(signal).send().join();

    complete(activate(type), Map.of());
    Thread.sleep(300);

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /** Signal intermediate throw event: broadcasts the signal (its variables from the event's input mappings) and continues. */
  @Test
  void aSignalThrowEventBroadcastsAndContinues() {
    String signal = unique("go");
    String catcher = unique("signal-caught");
    String thrower = unique("signal-thrower");
    String type = catcher + "-work";
    deploy(Bpmn.createExecutableProcess(catcher).startEvent().intermediateCatchEvent().signal(signal)
        .serviceTask("task", t -> t.zeebeJobType(type)).endEvent().done());
    deploy(Bpmn.createExecutableProcess(thrower).startEvent()
        .intermediateThrowEvent("throw", e -> e.signal(signal).zeebeInputExpression("lead", "from")).endEvent().done());
    start(catcher, Map.of());

    assertThat(run(thrower, Map.of("lead", "ada"))).containsEntry("lead", "ada");

    assertThat(activate(type).getVariablesAsMap()).containsEntry("from", "ada");
  }

  /** Signal end event: broadcasts the signal, then ends its path. */
  @Test
  void aSignalEndEventBroadcastsAndEnds() {
    String signal = unique("go");
    String catcher = unique("signal-end-caught");
    String thrower = unique("signal-end-thrower");
    deploy(Bpmn.createExecutableProcess(catcher).startEvent().intermediateCatchEvent().signal(signal).endEvent().done());
    deploy(Bpmn.createExecutableProcess(thrower).startEvent().endEvent("end", e -> e.signal(signal)).done());
    long waiting = start(catcher, Map.of());

    run(thrower, Map.of());

    awaitState(waiting, ProcessInstanceState.COMPLETED);
  }

  /** An event-based gateway can wait for a signal catch event; the signal decides the path. */
  @Test
  void anEventBasedGatewayTakesThePathOfTheSignal() {
    String processId = unique("signal-gateway");
    String signal = unique("go");
    String type = processId + "-work";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent().eventBasedGateway("gateway")
        .intermediateCatchEvent("bySignal").signal(signal).serviceTask("afterSignal", t -> t.zeebeJobType(type)).endEvent()
        .moveToNode("gateway").intermediateCatchEvent("byTimer").timerWithDuration("PT1H").endEvent()
        .done();
    deploy(model);
    long instance = start(processId, Map.of());

    client.newBroadcastSignalCommand().signalName(signal).send().join();

    assertThat(activate(type).getElementId()).isEqualTo("afterSignal");
  }

  private long instancesOf(String processId) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId)).send().join().items().size();
  }

  /**
   * "A signal will trigger all process instances with a token waiting at a corresponding catch
   * event, even across different processes": one broadcast triggers a signal boundary event and a
   * signal event subprocess start event in two instances.
   */
  @Test
  void aBroadcastTriggersBoundaryEventsAndEventSubprocessesAlike() {
    String signal = unique("campaign-stopped");
    String boundaryProcess = unique("signal-boundary");
    String subprocessProcess = unique("signal-esp");
    String work = unique("work");
    String handled = unique("handled");
    deploy(Bpmn.createExecutableProcess(boundaryProcess).startEvent().serviceTask("wait", t -> t.zeebeJobType(work))
        .boundaryEvent("stopped", b -> b.signal(signal)).serviceTask("viaBoundary", t -> t.zeebeJobType(handled)).endEvent()
        .moveToActivity("wait").endEvent().done());
    deploy(Bpmn.createExecutableProcess(subprocessProcess)
        .eventSubProcess("onStop", e -> e.startEvent("stopStart").signal(signal).serviceTask("viaSubprocess", t -> t.zeebeJobType(handled)).endEvent())
        .startEvent().serviceTask("wait", t -> t.zeebeJobType(work)).endEvent().done());
    start(boundaryProcess, Map.of());
    start(subprocessProcess, Map.of());
    List<ActivatedJob> waiting = collectJobs(work, 2);

    client.newBroadcastSignalCommand().signalName(signal).send().join();

    assertThat(waiting).hasSize(2);
    assertThat(collectJobs(handled, 2)).extracting(ActivatedJob::getElementId).containsExactlyInAnyOrder("viaBoundary", "viaSubprocess");
  }
}
