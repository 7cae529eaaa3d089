package io.jornada.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the standalone engine with SIGKILL in the middle of a load driven by the unmodified
 * Camunda client, restarts it on the same journal, and checks that nothing acknowledged was lost,
 * that no instance advanced twice, and that the load then finishes.
 */
class EngineCrashTest {

  private static final String PROCESS = "crash";
  private static final String JOB_TYPE = "crash-work";
  private static final String MESSAGE = "crash-go";
  private static final int INSTANCES_BEFORE_KILL = 400;

  @TempDir Path dataDir;
  @TempDir Path logs;

  private Process engine;

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.destroyForcibly();
    }
  }

  @Test
  void shouldKeepEverythingAcknowledgedAcrossAKillAndFinishTheLoad() throws Exception {
    // given: an engine process under load
    int port = freePort();
    engine = startEngine(port, "first");
    Set<Long> acknowledgedInstances = ConcurrentHashMap.newKeySet();
    Map<Long, String> orderOf = new ConcurrentHashMap<>();
    Map<Long, AtomicInteger> completionsPerInstance = new ConcurrentHashMap<>();
    Set<String> acknowledgedMessages = ConcurrentHashMap.newKeySet();
    AtomicBoolean loading = new AtomicBoolean(true);

    try (CamundaClient client = EngineTestSupport.client(port)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(PROCESS)
          .startEvent()
          .serviceTask("work", t -> t.zeebeJobType(JOB_TYPE))
          .intermediateCatchEvent("go", e -> e.message(m -> m.name(MESSAGE).zeebeCorrelationKeyExpression("orderId")))
          .endEvent()
          .done(), "crash.bpmn").send().join();
      JobWorker worker = worker(client, completionsPerInstance, orderOf);

      Thread creator = new Thread(() -> {
        for (int i = 0; loading.get(); i++) {
          String orderId = "order-" + i;
          try {
            long key = client.newCreateInstanceCommand().bpmnProcessId(PROCESS).latestVersion()
                .variables(Map.of("orderId", orderId)).send().join().getProcessInstanceKey();
            acknowledgedInstances.add(key);
            orderOf.put(key, orderId);
          } catch (RuntimeException crashed) {
            return;
          }
        }
      });
      Thread publisher = new Thread(() -> {
        while (loading.get()) {
          for (Long instance : completionsPerInstance.keySet()) {
            String orderId = orderOf.get(instance);
            if (orderId == null || acknowledgedMessages.contains(orderId)) {
              continue;
            }
            try {
              publish(client, orderId);
              acknowledgedMessages.add(orderId);
            } catch (RuntimeException crashed) {
              return;
            }
          }
        }
      });
      creator.start();
      publisher.start();

      // when: SIGKILL mid-load, then a restart on the same journal
      await().atMost(Duration.ofSeconds(60)).until(() ->
          acknowledgedInstances.size() >= INSTANCES_BEFORE_KILL && acknowledgedMessages.size() >= INSTANCES_BEFORE_KILL / 4);
      engine.destroyForcibly().waitFor();
      loading.set(false);
      creator.join();
      publisher.join();
      int completedBeforeKill = completionsPerInstance.size();
      int messagesBeforeKill = acknowledgedMessages.size();
      engine = startEngine(port, "second");

      // then: every acknowledged instance is there
      List<Long> instances = client.newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionId(PROCESS)).page(p -> p.limit(100_000)).send().join()
          .items().stream().map(i -> i.getProcessInstanceKey()).toList();
      assertThat(instances).containsAll(acknowledgedInstances);

      // and every acknowledged message is still buffered: publishing its id again is refused
      for (String orderId : acknowledgedMessages) {
        var refused = catchThrowableOfType(ProblemException.class, () -> publish(client, orderId));
        assertThat(refused).as("message for %s", orderId).isNotNull();
        assertThat(refused.code()).isEqualTo(409);
      }

      // and the load finishes: every instance gets its message and completes
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
        // every order the test knows of, including instances whose job completion the kill
        // acknowledged to nobody (the engine has it; the worker never counted it)
        for (String orderId : orderOf.values()) {
          if (acknowledgedMessages.add(orderId)) {
            publishUnlessStored(client, orderId);
          }
        }
        long active = client.newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId(PROCESS).state(ProcessInstanceState.ACTIVE)).page(p -> p.limit(1))
            .send().join().page().totalItems();
        assertThat(active).as("instances still active; the engine says: %s", waitingElements(port)).isZero();
      });
      worker.close();

      // and no instance advanced twice: no job was completed twice
      assertThat(completionsPerInstance.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
      System.out.printf("crash test: before SIGKILL %d instances acknowledged, %d jobs completed, %d messages acknowledged;"
              + " after restart %d instances found, all %d completed%n",
          acknowledgedInstances.size(), completedBeforeKill, messagesBeforeKill, instances.size(), instances.size());
    }
  }

  /** Completes jobs, counting completions per instance; also learns each instance's order, which
   * an instance whose creation answer the kill cut off is known by only here. */
  private JobWorker worker(CamundaClient client, Map<Long, AtomicInteger> completionsPerInstance, Map<Long, String> orderOf) {
    return client.newWorker().jobType(JOB_TYPE)
        .handler((jobClient, job) -> {
          orderOf.putIfAbsent(job.getProcessInstanceKey(), (String) job.getVariablesAsMap().get("orderId"));
          jobClient.newCompleteCommand(job).send().join();
          completionsPerInstance.computeIfAbsent(job.getProcessInstanceKey(), k -> new AtomicInteger()).incrementAndGet();
        })
        .timeout(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(50))
        .open();
  }

  /** Where unfinished instances wait, from the engine's own metrics. */
  private static String waitingElements(int port) {
    try {
      String metrics = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      return metrics.lines().filter(l -> l.startsWith("jornada_engine_elements_active") || l.startsWith("jornada_engine_jobs_activatable"))
          .reduce((a, b) -> a + "; " + b).orElse("nothing waiting");
    } catch (Exception e) {
      return "no metrics (" + e.getMessage() + ")";
    }
  }

  private static void publish(CamundaClient client, String orderId) {
    client.newPublishMessageCommand().messageName(MESSAGE).correlationKey(orderId).messageId("pay-" + orderId)
        .timeToLive(Duration.ofMinutes(10)).send().join();
  }

  /** A publication whose answer the kill cut off may still have been stored: 409 then means done. */
  private static void publishUnlessStored(CamundaClient client, String orderId) {
    try {
      publish(client, orderId);
    } catch (ProblemException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
  }

  private Process startEngine(int port, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
            EngineApplication.class.getName(),
            "--server.port=" + port,
            "--jornada.engine.data-dir=" + dataDir,
            "--logging.level.root=WARN")
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile())
        .start();
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
      assertThat(process.isAlive()).as("engine process alive").isTrue();
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/topology")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    });
    return process;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
