package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Messages: docs.camunda.io/docs/components/concepts/messages/ (8.8), and the correlate-message
 * endpoint of the Orchestration Cluster REST API (POST /v2/messages/correlation).
 */
class MessageConformanceTest extends ConformanceTest {

  /** Message buffering: "A message has a time-to-live (TTL) which specifies for how long it's buffered ... When a subscription is opened, it polls the buffer for a proper message." */
  @Test
  void aMessageWithATimeToLiveWaitsForASubscription() {
    String message = unique("msg");
    String processId = deployCatch(message);
    publish(message, "lead-1", Duration.ofSeconds(30), "", Map.of("answer", "yes"));

    assertThat(run(processId, Map.of("leadId", "lead-1"))).containsEntry("answer", "yes");
  }

  /** Message buffering: the message is buffered only for its TTL; with a TTL of zero it is not buffered, so a later subscription does not get it. */
  @Test
  void aMessageWithoutTimeToLiveIsNotBuffered() {
    String message = unique("msg");
    String processId = deployCatch(message);
    publish(message, "lead-2", Duration.ZERO, "", Map.of());

    long instance = start(processId, Map.of("leadId", "lead-2"));

    assertThat(correlate(message, "lead-2")).isEqualTo(instance);
  }

  /** Message buffering: "Within this time, the message can be correlated" — once its TTL ran out, a subscription opened afterwards does not get it. */
  @Test
  void aBufferedMessageIsGoneOnceItsTimeToLiveRanOut() throws InterruptedException {
    String message = unique("msg");
    String processId = deployCatch(message);
    publish(message, "lead-3", Duration.ofMillis(300), "", Map.of());
    Thread.sleep(700);

    long instance = start(processId, Map.of("leadId", "lead-3"));

    assertThat(correlate(message, "lead-3")).isEqualTo(instance);
  }

  /**
   * "In case multiple messages match to the subscription, the first published message is correlated
   * (like a FIFO queue)", and "a message is correlated only once to a process (based on the BPMN
   * process id)": two catch events one after the other take the first, then the second message.
   */
  @Test
  void bufferedMessagesCorrelateFirstInFirstOut() {
    String message = unique("msg");
    String processId = unique("fifo");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("first", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId"))
            .zeebeOutputExpression("n", "first"))
        .intermediateCatchEvent("second", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId"))
            .zeebeOutputExpression("n", "second"))
        .endEvent().done());
    publish(message, "lead-4", Duration.ofSeconds(30), "", Map.of("n", 1));
    publish(message, "lead-4", Duration.ofSeconds(30), "", Map.of("n", 2));

    Map<String, Object> result = run(processId, Map.of("leadId", "lead-4"));

    assertThat(result).containsEntry("first", 1).containsEntry("second", 2);
  }

  /**
   * Message uniqueness, paraphrased: on publication, a message with the same name, correlation key
   * and ID already in the buffer makes the new one rejected — 409 ALREADY_EXISTS.
   */
  @Test
  void aSecondMessageWithTheSameIdIsRejectedWhileTheFirstIsBuffered() {
    String message = unique("msg");
    publish(message, "lead-5", Duration.ofSeconds(30), "id-1", Map.of());

    var problem = catchThrowableOfType(ProblemException.class, () -> publish(message, "lead-5", Duration.ofSeconds(30), "id-1", Map.of()));

    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getTitle()).isEqualTo("ALREADY_EXISTS");
  }

  /** Same section: the check covers name, correlation key and id together, so the id may repeat under another correlation key. */
  @Test
  void theSameIdUnderAnotherCorrelationKeyIsANewMessage() {
    String message = unique("msg");
    String processId = deployCatch(message);
    publish(message, "lead-6", Duration.ofSeconds(30), "id-1", Map.of());

    publish(message, "lead-7", Duration.ofSeconds(30), "id-1", Map.of("second", true));

    assertThat(run(processId, Map.of("leadId", "lead-7"))).containsEntry("second", true);
  }

  /** Same section: the check only looks into the buffer, so once a message is no longer buffered (its TTL ran out) its id may be used again. */
  @Test
  void anIdMayBeReusedOnceTheMessageIsNoLongerBuffered() {
    String message = unique("msg");
    String processId = deployCatch(message);
    publish(message, "lead-8", Duration.ofSeconds(30), "id-1", Map.of("n", 1));
    assertThat(run(processId, Map.of("leadId", "lead-8"))).containsEntry("n", 1);
    increaseTime(Duration.ofMinutes(1));

    publish(message, "lead-8", Duration.ofSeconds(30), "id-1", Map.of("n", 2));

    assertThat(run(processId, Map.of("leadId", "lead-8"))).containsEntry("n", 2);
  }

  /**
   * Message cardinality, paraphrased: a message does not correlate to a message start event while an
   * instance of the process that a message with the same correlation key created is active; it stays
   * buffered, and when that instance ends the buffered message starts the next one.
   */
  @Test
  void aMessageStartEventStartsOneActiveInstancePerCorrelationKey() {
    String message = unique("start");
    String jobType = unique("work");
    String processId = deployMessageStart(message, jobType);
    publish(message, "lead-9", Duration.ofSeconds(30), "", Map.of("n", 1));
    publish(message, "lead-9", Duration.ofSeconds(30), "", Map.of("n", 2));

    assertThat(instancesOf(processId)).hasSize(1);
    var first = activate(jobType);
    assertThat(first.getVariablesAsMap()).containsEntry("n", 1);
    complete(first, Map.of());

    assertThat(activate(jobType).getVariablesAsMap()).containsEntry("n", 2);
    assertThat(instancesOf(processId)).extracting(ProcessInstance::getState)
        .containsExactlyInAnyOrder(ProcessInstanceState.COMPLETED, ProcessInstanceState.ACTIVE);
  }

  /**
   * Message events, "Message start events": "Messages are not correlated if they were published
   * before the process was deployed": a buffered message starts nothing when a process with its
   * message start event is deployed later; the next one does.
   */
  @Test
  void aMessagePublishedBeforeTheDeploymentStartsNothing() {
    String message = unique("start-early");
    publish(message, "lead-11", Duration.ofSeconds(30), "", Map.of("n", 1));

    String jobType = unique("work");
    String processId = deployMessageStart(message, jobType);
    publish(message, "lead-12", Duration.ofSeconds(30), "", Map.of("n", 2));

    assertThat(activate(jobType).getVariablesAsMap()).containsEntry("n", 2);
    assertThat(instancesOf(processId)).hasSize(1);
  }

  /** Message cardinality, paraphrased: a message with an empty correlation key always creates a new instance, without checking for an active one. */
  @Test
  void anEmptyCorrelationKeyAlwaysStartsANewInstance() {
    String message = unique("start");
    String processId = deployMessageStart(message, unique("work"));

    client.newPublishMessageCommand().messageName(message).withoutCorrelationKey().send().join();
    client.newPublishMessageCommand().messageName(message).withoutCorrelationKey().send().join();

    assertThat(instancesOf(processId)).hasSize(2).extracting(ProcessInstance::getState).containsOnly(ProcessInstanceState.ACTIVE);
  }

  /** Correlate message endpoint (paraphrased): the message is correlated at once and not buffered; with nothing to correlate to, the answer is 404. */
  @Test
  void correlatingWithNothingWaitingIsNotFound() {
    var problem = catchThrowableOfType(ProblemException.class, () -> correlate(unique("msg"), "lead-10"));

    assertThat(problem.code()).isEqualTo(404);
  }

  /** Same endpoint: the message is not buffered, so a subscription opened after an unsuccessful correlation does not get it. */
  @Test
  void aCorrelatedMessageIsNeverBufferedForALaterSubscription() {
    String message = unique("msg");
    String processId = deployCatch(message);
    catchThrowableOfType(ProblemException.class, () -> correlate(message, "lead-11"));

    long instance = start(processId, Map.of("leadId", "lead-11"));

    assertThat(correlate(message, "lead-11")).isEqualTo(instance);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  private String deployCatch(String message) {
    String processId = unique("catch");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("leadId")))
        .endEvent().done());
    return processId;
  }

  private String deployMessageStart(String message, String jobType) {
    String processId = unique("started");
    deploy(Bpmn.createExecutableProcess(processId).startEvent("start").message(message)
        .serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent().done());
    return processId;
  }

  private void publish(String message, String correlationKey, Duration timeToLive, String messageId, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(message).correlationKey(correlationKey).timeToLive(timeToLive)
        .messageId(messageId).variables(variables).send().join();
  }

  /** Correlates a message without variables and answers the process instance it reached. */
  private long correlate(String message, String correlationKey) {
    return client.newCorrelateMessageCommand().messageName(message).correlationKey(correlationKey).send().join().getProcessInstanceKey();
  }

  private List<ProcessInstance> instancesOf(String processId) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId)).send().join().items();
  }
}
