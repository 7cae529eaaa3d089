package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ReceiveTaskBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Receive tasks: docs.camunda.io/docs/components/modeler/bpmn/receive-tasks/ (8.8). */
class ReceiveTaskConformanceTest extends ConformanceTest {

  /**
   * "When a receive task is entered, a corresponding message subscription is created. The process
   * instance stops at this point and waits until the message is correlated ... When the message is
   * correlated, the receive task is completed and the process instance continues."
   */
  @Test
  void theTaskWaitsForItsMessageAndThenContinues() {
    String message = unique("paid");
    String after = unique("after");
    String processId = deployReceive(message, r -> {}, after);
    long instance = start(processId, Map.of("orderId", "order-1"));

    assertThat(activateAll(after, 1)).isEmpty();
    publish(message, "order-1", Duration.ZERO, Map.of());
    ActivatedJob next = activate(after);

    assertThat(next.getProcessInstanceKey()).isEqualTo(instance);
  }

  /** "The correlationKey ... is evaluated on activating the receive task and must result either in a string or number": a number correlates as its text. */
  @Test
  void aNumericCorrelationKeyCorrelatesAsItsText() {
    String message = unique("paid");
    String after = unique("after");
    String processId = deployReceive(message, r -> {}, after);
    long instance = start(processId, Map.of("orderId", 4711));

    publish(message, "4711", Duration.ZERO, Map.of());

    assertThat(activate(after).getProcessInstanceKey()).isEqualTo(instance);
  }

  /** Same rule: a correlation key that is neither a string nor a number raises an incident, and the task waits. */
  @Test
  void aCorrelationKeyThatIsNoStringOrNumberRaisesAnIncident() {
    String message = unique("paid");
    String processId = deployReceive(message, r -> {}, unique("after"));

    long instance = start(processId, Map.of("orderId", true));

    await().atMost(Duration.ofSeconds(10)).until(() -> client.newProcessInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instance)).send().join().items().get(0).getHasIncident());
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /**
   * Messages docs (components/concepts/messages/): "When a subscription is opened, it polls the
   * buffer for a proper message ... the first published message is correlated (like a FIFO queue)"
   * — also for a receive task; a message correlates at most once per process id, so the next
   * instance gets the next message.
   */
  @Test
  void aBufferedMessageCorrelatesAtOnceOldestFirst() {
    String message = unique("paid");
    String processId = deployReceive(message, r -> {}, null);
    publish(message, "order-2", Duration.ofSeconds(30), Map.of("amount", 1));
    publish(message, "order-2", Duration.ofSeconds(30), Map.of("amount", 2));

    Map<String, Object> first = run(processId, Map.of("orderId", "order-2"));
    Map<String, Object> second = run(processId, Map.of("orderId", "order-2"));

    assertThat(first).containsEntry("amount", 1);
    assertThat(second).containsEntry("amount", 2);
  }

  /** "Variable mappings: By default, all message variables are merged into the process instance." */
  @Test
  void theMessageVariablesAreMergedIntoTheInstance() {
    String message = unique("paid");
    String after = unique("after");
    String processId = deployReceive(message, r -> {}, after);
    start(processId, Map.of("orderId", "order-3"));

    publish(message, "order-3", Duration.ZERO, Map.of("amount", 99, "currency", "EUR"));

    assertThat(activate(after).getVariablesAsMap()).containsEntry("amount", 99).containsEntry("currency", "EUR");
  }

  /** "This behavior can be customized by defining an output mapping at the receive task": then only the mapped variables reach the instance. */
  @Test
  void withOutputMappingsOnlyTheMappedMessageVariablesArrive() {
    String message = unique("paid");
    String after = unique("after");
    String processId = deployReceive(message, r -> r.zeebeOutputExpression("amount * 100", "cents"), after);
    start(processId, Map.of("orderId", "order-4"));

    publish(message, "order-4", Duration.ZERO, Map.of("amount", 5, "currency", "EUR"));

    assertThat(activate(after).getVariablesAsMap()).containsEntry("cents", 500).doesNotContainKeys("amount", "currency");
  }

  /** Deploys start → receive task (message, key {@code orderId}) → [service task of type {@code after}] → end. */
  private String deployReceive(String message, Consumer<ReceiveTaskBuilder> customizer, String after) {
    String processId = unique("receive");
    var receive = Bpmn.createExecutableProcess(processId).startEvent()
        .receiveTask("receive").message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"));
    customizer.accept(receive);
    deploy(after == null
        ? receive.endEvent().done()
        : receive.serviceTask("after", t -> t.zeebeJobType(after)).endEvent().done());
    return processId;
  }

  private void publish(String message, String correlationKey, Duration timeToLive, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(message).correlationKey(correlationKey).timeToLive(timeToLive)
        .variables(variables).send().join();
  }
}
