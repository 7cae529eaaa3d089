package io.jornada.gateway;

import static io.jornada.gateway.EngineTestSupport.approvalDecision;
import static io.jornada.gateway.EngineTestSupport.deploy;
import static io.jornada.gateway.EngineTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.PartitionBrokerRole;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Camunda 8 REST API of the embedded engine, driven through the unmodified Camunda client. */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineApiTest {

  private static final Duration NO_WAIT = Duration.ofMillis(300);

  @LocalServerPort int port;

  private CamundaClient client;

  @BeforeEach
  void createClient() {
    client = EngineTestSupport.client(port);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  // --- deployments -------------------------------------------------------------------------

  @Test
  void shouldDeployBpmnAndDmnWithKeysAndVersions() {
    // given
    String processId = unique("deploy");
    String decisionId = unique("approve");

    // when
    var deployment = client.newDeployResourceCommand()
        .addProcessModel(serviceTaskProcess(processId, "t-" + processId), processId + ".bpmn")
        .addResourceBytes(approvalDecision(decisionId), decisionId + ".dmn")
        .send().join();

    // then
    assertThat(deployment.getKey()).isPositive();
    assertThat(deployment.getProcesses()).singleElement().satisfies(p -> {
      assertThat(p.getBpmnProcessId()).isEqualTo(processId);
      assertThat(p.getVersion()).isEqualTo(1);
      assertThat(p.getProcessDefinitionKey()).isPositive();
      assertThat(p.getResourceName()).isEqualTo(processId + ".bpmn");
    });
    assertThat(deployment.getDecisions()).singleElement().satisfies(d -> {
      assertThat(d.getDmnDecisionId()).isEqualTo(decisionId);
      assertThat(d.getVersion()).isEqualTo(1);
      assertThat(d.getDecisionKey()).isPositive();
      assertThat(d.getDecisionRequirementsKey()).isPositive();
    });
    assertThat(deployment.getDecisionRequirements()).singleElement()
        .satisfies(r -> assertThat(r.getVersion()).isEqualTo(1));
  }

  @Test
  void shouldCreateVersionTwoForChangedProcessAndKeepVersionForIdenticalContent() {
    // given
    String processId = unique("versions");
    BpmnModelInstance first = serviceTaskProcess(processId, "first");
    BpmnModelInstance changed = serviceTaskProcess(processId, "second");
    var v1 = client.newDeployResourceCommand().addProcessModel(first, "v.bpmn").send().join().getProcesses().get(0);

    // when
    var v2 = client.newDeployResourceCommand().addProcessModel(changed, "v.bpmn").send().join().getProcesses().get(0);
    var again = client.newDeployResourceCommand().addProcessModel(changed, "v.bpmn").send().join().getProcesses().get(0);

    // then
    assertThat(v1.getVersion()).isEqualTo(1);
    assertThat(v2.getVersion()).isEqualTo(2);
    assertThat(v2.getProcessDefinitionKey()).isNotEqualTo(v1.getProcessDefinitionKey());
    assertThat(again.getVersion()).isEqualTo(2);
    assertThat(again.getProcessDefinitionKey()).isEqualTo(v2.getProcessDefinitionKey());
  }

  // --- process instances -------------------------------------------------------------------

  @Test
  void shouldCreateInstanceWithoutAwaitingCompletion() {
    // given
    String processId = unique("create");
    long definitionKey = deploy(client, serviceTaskProcess(processId, "t-" + processId));

    // when
    var created = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", "o-1")).send().join();

    // then
    assertThat(created.getProcessInstanceKey()).isPositive();
    assertThat(created.getProcessDefinitionKey()).isEqualTo(definitionKey);
    assertThat(created.getBpmnProcessId()).isEqualTo(processId);
    assertThat(created.getVersion()).isEqualTo(1);
    assertThat(stateOf(created.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldReturnDecisionResultWhenAwaitingCompletion() {
    // given
    String processId = unique("rule");
    String decisionId = unique("approve");
    BpmnModelInstance process = Bpmn.createExecutableProcess(processId)
        .startEvent()
        .businessRuleTask("decide", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("approval"))
        .endEvent()
        .done();
    client.newDeployResourceCommand()
        .addResourceBytes(approvalDecision(decisionId), decisionId + ".dmn")
        .addProcessModel(process, processId + ".bpmn")
        .send().join();

    // when
    var result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("amount", 42)).withResult().send().join();

    // then
    assertThat(result.getProcessInstanceKey()).isPositive();
    assertThat(result.getVariablesAsMap()).containsEntry("approval", true).containsEntry("amount", 42);
    assertThat(stateOf(result.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldEvaluateADeployedDecisionOnItsOwn() {
    // given
    String decisionId = unique("approve-alone");
    client.newDeployResourceCommand().addResourceBytes(approvalDecision(decisionId), decisionId + ".dmn").send().join();

    // when
    var approved = client.newEvaluateDecisionCommand().decisionId(decisionId).variables(Map.of("amount", 42)).send().join();
    var refused = client.newEvaluateDecisionCommand().decisionId(decisionId).variables(Map.of("amount", 420)).send().join();

    // then
    assertThat(approved.getDecisionId()).isEqualTo(decisionId);
    assertThat(approved.getDecisionVersion()).isEqualTo(1);
    assertThat(approved.getDecisionOutput()).isEqualTo("true");
    assertThat(refused.getDecisionOutput()).isEqualTo("false");
    assertThat(approved.getEvaluatedDecisions()).singleElement()
        .satisfies(d -> assertThat(d.getDecisionOutput()).isEqualTo("true"));
  }

  @Test
  void shouldAnswer404ForAnUnknownDecision() {
    // when
    var thrown = catchThrowableOfType(ProblemException.class, () ->
        client.newEvaluateDecisionCommand().decisionId(unique("no-such-decision")).send().join());

    // then
    assertThat(thrown.code()).isEqualTo(404);
  }

  @Test
  void shouldAnswerAnAwaitedCreationWhenALaterJobCompletesTheInstance() {
    // given
    String processId = unique("await");
    String jobType = unique("await-work");
    deploy(client, Bpmn.createExecutableProcess(processId)
        .startEvent().serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent().done());

    // when: the creation waits while a worker completes the job
    var awaited = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", "o-9")).withResult().requestTimeout(Duration.ofSeconds(10)).send();
    ActivatedJob job = activateOne(jobType);
    client.newCompleteCommand(job).variables(Map.of("shipped", true)).send().join();

    // then
    var result = awaited.join();
    assertThat(result.getVariablesAsMap()).containsEntry("orderId", "o-9").containsEntry("shipped", true);
  }

  // --- jobs -------------------------------------------------------------------------------

  @Test
  void shouldHandOverJobsToAnActivationThatDoesNotLongPoll() {
    // given: regression — a request with a negative request timeout was answered empty first,
    // and the jobs its attempt then activated were dropped (locked until their timeout)
    String processId = unique("no-poll");
    String jobType = unique("no-poll-work");
    deploy(client, Bpmn.createExecutableProcess(processId)
        .startEvent().serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent().done());
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();

    // when
    var jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(5)
        .requestTimeout(Duration.ofMillis(-1)).send().join().getJobs();

    // then
    assertThat(jobs).hasSize(1);
  }

  @Test
  void shouldLongPollForJobCreatedWhileWaiting() throws Exception {
    // given
    String processId = unique("poll");
    String jobType = unique("poll-job");
    deploy(client, serviceTaskProcess(processId, jobType));

    // when
    long started = System.nanoTime();
    var activation = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(10)).send();
    var creation = CompletableFuture.supplyAsync(() -> {
      sleep(1000);
      return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join().getProcessInstanceKey();
    });
    List<ActivatedJob> jobs = activation.join().getJobs();
    Duration waited = Duration.ofNanos(System.nanoTime() - started);

    // then
    long instanceKey = creation.get();
    assertThat(jobs).singleElement().satisfies(job -> {
      assertThat(job.getType()).isEqualTo(jobType);
      assertThat(job.getProcessInstanceKey()).isEqualTo(instanceKey);
    });
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(9));
  }

  @Test
  void shouldCompleteInstanceWhenJobIsCompletedWithVariables() {
    // given
    String processId = unique("complete");
    String jobType = unique("complete-job");
    deploy(client, serviceTaskProcess(processId, jobType));
    long instanceKey = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", "o-7")).send().join().getProcessInstanceKey();
    ActivatedJob job = activateOne(jobType);
    assertThat(job.getVariablesAsMap()).containsEntry("orderId", "o-7");

    // when
    client.newCompleteCommand(job).variables(Map.of("shipped", true)).send().join();

    // then
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(stateOf(instanceKey)).isEqualTo(ProcessInstanceState.COMPLETED));
  }

  @Test
  void shouldReactivateFailedJobOnlyAfterRetryBackOff() {
    // given
    String processId = unique("retry");
    String jobType = unique("retry-job");
    deploy(client, serviceTaskProcess(processId, jobType));
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ActivatedJob job = activateOne(jobType);

    // when
    client.newFailCommand(job).retries(1).retryBackoff(Duration.ofSeconds(1)).errorMessage("try later").send().join();
    long failedAt = System.nanoTime();

    // then
    assertThat(activate(jobType, NO_WAIT)).isEmpty();
    ActivatedJob again = activateOne(jobType);
    assertThat(Duration.ofNanos(System.nanoTime() - failedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(1);
  }

  @Test
  void shouldNotReactivateJobFailedWithoutRetries() {
    // given
    String processId = unique("no-retry");
    String jobType = unique("no-retry-job");
    deploy(client, serviceTaskProcess(processId, jobType));
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ActivatedJob job = activateOne(jobType);

    // when
    client.newFailCommand(job).retries(0).errorMessage("gave up").send().join();

    // then
    assertThat(activate(jobType, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void shouldAcceptBpmnErrorWithoutCatchEvent() {
    // given
    String processId = unique("error");
    String jobType = unique("error-job");
    deploy(client, serviceTaskProcess(processId, jobType));
    long instanceKey = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    ActivatedJob job = activateOne(jobType);

    // when
    client.newThrowErrorCommand(job).errorCode("NO_STOCK").errorMessage("out of stock").send().join();

    // then the error is accepted (204); with no catch event the instance stays, with an incident
    assertThat(stateOf(instanceKey)).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(activate(jobType, NO_WAIT)).isEmpty();
  }

  // --- messages ---------------------------------------------------------------------------

  @Test
  void shouldCorrelateBufferedMessageToInstanceCreatedLater() {
    // given
    String processId = unique("buffer");
    String orderId = unique("order");
    deploy(client, messageCatchProcess(processId, "paid"));
    client.newPublishMessageCommand().messageName("paid").correlationKey(orderId).timeToLive(Duration.ofMinutes(1))
        .variables(Map.of("paidAmount", 10)).send().join();

    // when
    var result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", orderId)).withResult().send().join();

    // then
    assertThat(result.getVariablesAsMap()).containsEntry("paidAmount", 10);
    assertThat(stateOf(result.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldNotBufferMessageWithoutTimeToLive() {
    // given
    String processId = unique("no-buffer");
    String orderId = unique("order");
    deploy(client, messageCatchProcess(processId, "paid"));
    client.newPublishMessageCommand().messageName("paid").correlationKey(orderId).timeToLive(Duration.ZERO).send().join();

    // when
    long instanceKey = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();

    // then
    sleep(500);
    assertThat(stateOf(instanceKey)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  @Test
  void shouldReturnInstanceKeyWhenCorrelatingToWaitingInstance() {
    // given
    String processId = unique("correlate");
    String orderId = unique("order");
    deploy(client, messageCatchProcess(processId, "paid"));
    long instanceKey = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();

    // when
    var correlated = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
        .until(() -> client.newCorrelateMessageCommand().messageName("paid").correlationKey(orderId).send().join(), r -> true);

    // then
    assertThat(correlated.getProcessInstanceKey()).isEqualTo(instanceKey);
    assertThat(correlated.getMessageKey()).isPositive();
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(stateOf(instanceKey)).isEqualTo(ProcessInstanceState.COMPLETED));
  }

  @Test
  void shouldRejectCorrelationWithoutSubscriberWithNotFound() {
    // given no instance waits for the message
    String orderId = unique("nobody");

    // when
    var failure = catchThrowableOfType(ProblemException.class,
        () -> client.newCorrelateMessageCommand().messageName("paid").correlationKey(orderId).send().join());

    // then
    assertThat(failure).isNotNull();
    assertThat(failure.code()).isEqualTo(404);
    assertThat(failure.details().getStatus()).isEqualTo(404);
  }

  @Test
  void shouldStartOneInstancePerCorrelationKeyFromMessageStartEvent() {
    // given
    String processId = unique("lead");
    String message = unique("lead-created");
    String leadId = unique("lead-id");
    BpmnModelInstance process = Bpmn.createExecutableProcess(processId)
        .startEvent("created").message(message)
        .serviceTask("nurture", t -> t.zeebeJobType(unique("nurture")))
        .endEvent()
        .done();
    deploy(client, process);

    // when
    client.newPublishMessageCommand().messageName(message).correlationKey(leadId).send().join();

    // then
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(instancesOf(processId)).hasSize(1));
    ProcessInstance first = instancesOf(processId).get(0);
    assertThat(first.getState()).isEqualTo(ProcessInstanceState.ACTIVE);

    // when a second message with the same key arrives while the first instance is active
    client.newPublishMessageCommand().messageName(message).correlationKey(leadId).timeToLive(Duration.ZERO).send().join();

    // then
    sleep(500);
    assertThat(instancesOf(processId)).extracting(ProcessInstance::getProcessInstanceKey)
        .containsExactly(first.getProcessInstanceKey());
  }

  // --- event-based gateway ----------------------------------------------------------------

  @Test
  void shouldTakeMessagePathWhenMessageArrivesBeforeLongTimer() {
    // given
    String processId = unique("race-message");
    String orderId = unique("order");
    String messageJob = unique("after-message");
    String timerJob = unique("after-timer");
    deploy(client, raceProcess(processId, "PT1H", messageJob, timerJob));
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", orderId)).send().join();

    // when
    client.newPublishMessageCommand().messageName("paid").correlationKey(orderId).timeToLive(Duration.ofMinutes(1)).send().join();

    // then
    assertThat(activateOne(messageJob).getElementId()).isEqualTo("byMessage");
    assertThat(activate(timerJob, NO_WAIT)).isEmpty();
  }

  @Test
  void shouldTakeTimerPathWhenNoMessageArrives() {
    // given
    String processId = unique("race-timer");
    String messageJob = unique("after-message");
    String timerJob = unique("after-timer");
    deploy(client, raceProcess(processId, "PT0.5S", messageJob, timerJob));

    // when
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", unique("order"))).send().join();

    // then
    assertThat(activateOne(timerJob).getElementId()).isEqualTo("byTimer");
    assertThat(activate(messageJob, NO_WAIT)).isEmpty();
  }

  // --- topology ---------------------------------------------------------------------------

  @Test
  void shouldReportOneBrokerWithOneLeaderPartition() {
    // when
    var topology = client.newTopologyRequest().send().join();

    // then
    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getBrokers()).singleElement().satisfies(broker ->
        assertThat(broker.getPartitions()).singleElement().satisfies(partition -> {
          assertThat(partition.getPartitionId()).isEqualTo(1);
          assertThat(partition.getRole()).isEqualTo(PartitionBrokerRole.LEADER);
          assertThat(partition.isLeader()).isTrue();
        }));
  }

  // --- helpers ----------------------------------------------------------------------------

  private static BpmnModelInstance serviceTaskProcess(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask("work", t -> t.zeebeJobType(jobType))
        .endEvent()
        .done();
  }

  private static BpmnModelInstance messageCatchProcess(String processId, String message) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .intermediateCatchEvent("wait", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")))
        .endEvent()
        .done();
  }

  private static BpmnModelInstance raceProcess(String processId, String timer, String messageJob, String timerJob) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .eventBasedGateway("race")
        .intermediateCatchEvent("paid", e -> e.message(m -> m.name("paid").zeebeCorrelationKeyExpression("orderId")))
        .serviceTask("byMessage", t -> t.zeebeJobType(messageJob))
        .endEvent()
        .moveToNode("race")
        .intermediateCatchEvent("timeout", e -> e.timerWithDuration(timer))
        .serviceTask("byTimer", t -> t.zeebeJobType(timerJob))
        .endEvent()
        .done();
  }

  private List<ActivatedJob> activate(String jobType, Duration requestTimeout) {
    return client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1).requestTimeout(requestTimeout)
        .send().join().getJobs();
  }

  private ActivatedJob activateOne(String jobType) {
    List<ActivatedJob> jobs = activate(jobType, Duration.ofSeconds(5));
    assertThat(jobs).as("a job of type %s", jobType).hasSize(1);
    return jobs.get(0);
  }

  private ProcessInstanceState stateOf(long instanceKey) {
    var items = client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(instanceKey)).send().join().items();
    assertThat(items).hasSize(1);
    return items.get(0).getState();
  }

  private List<ProcessInstance> instancesOf(String processId) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId)).send().join().items();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
