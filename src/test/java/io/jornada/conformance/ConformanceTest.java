package io.jornada.conformance;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.jornada.gateway.GatewayTestApplication;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of the conformance suite: the embedded engine on a real web server, driven only through
 * the unmodified Camunda client, as an application on Camunda 8 would drive Zeebe. Each test
 * checks one documented rule and cites the page of docs.camunda.io (8.8) that states it.
 *
 * <p>Tests share one engine; every test uses its own process ids and job types ({@link #unique}).
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConformanceTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;

  protected CamundaClient client;

  private Instant pinnedAt;

  @BeforeEach
  void createClient() {
    client = CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(true)
        .build();
  }

  @AfterEach
  void closeClient() {
    resetClockIfPinned();
    client.close();
  }

  /** A name no other test uses. */
  protected static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
  }

  protected void deploy(BpmnModelInstance model) {
    client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
  }

  protected long start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables).send().join()
        .getProcessInstanceKey();
  }

  /** Starts an instance and waits for it to complete; answers its variables. */
  protected Map<String, Object> run(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .withResult().requestTimeout(Duration.ofSeconds(10)).send().join().getVariablesAsMap();
  }

  /** Waits until a job of this type can be activated, and activates it. */
  protected ActivatedJob activate(String jobType) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> activateAll(jobType, 1), jobs -> !jobs.isEmpty()).get(0);
  }

  /** Activates what is activatable now, without waiting. */
  protected List<ActivatedJob> activateAll(String jobType, int max) {
    return client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(max).requestTimeout(Duration.ofMillis(-1))
        .send().join().getJobs();
  }

  protected void complete(ActivatedJob job, Map<String, Object> variables) {
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  protected ProcessInstanceState state(long processInstanceKey) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join()
        .items().get(0).getState();
  }

  protected void awaitState(long processInstanceKey, ProcessInstanceState expected) {
    await().atMost(Duration.ofSeconds(10)).until(() -> state(processInstanceKey) == expected);
  }

  /**
   * Moves the engine's clock forward by {@code duration}, as Camunda Process Test's {@code
   * increaseTime} does: the clock is pinned there, and what is due by then fires at once. The clock
   * is reset after the test.
   */
  protected void increaseTime(Duration duration) {
    pinClock((pinnedAt == null ? Instant.now() : pinnedAt).plus(duration));
  }

  /** Pins the engine's clock to {@code time}; it stands still there until the test ends (then it is reset). */
  protected void pinClock(Instant time) {
    client.newPinClockCommand().time(time).send().join();
    pinnedAt = time;
  }

  private void resetClockIfPinned() {
    if (pinnedAt != null) {
      client.newResetClockCommand().send().join();
      pinnedAt = null;
    }
  }
}
