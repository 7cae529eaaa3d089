package io.jornada.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The lead-nurture journey with the real workers: a redis-server and the whole application (its
 * embedded engine, workers, XGBoost scorer, outbox channel) in processes of their own; leads enter
 * through the HTTP API at a fixed rate, and nobody engages, so each journey loads, scores,
 * segments, chooses a channel, sends, waits a short timer and ends.
 */
final class JourneyBenchmark {

  private static final String JOURNEY = "lead-nurture";

  private final Path jar;
  private final Path work;

  JourneyBenchmark(Path jar, Path work) {
    this.jar = jar;
    this.work = work;
  }

  /** Runs {@code leads} journeys offered at {@code rate}/s. */
  Result run(int leads, int rate) throws Exception {
    int redisPort = freePort();
    int appPort = freePort();
    Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--save", "", "--appendonly", "no")
        .redirectErrorStream(true).redirectOutput(work.resolve("redis.log").toFile()).start();
    Process app = null;
    try {
      app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g", "-jar", jar.toString(),
          "--server.port=" + appPort,
          "--jornada.redis.url=redis://127.0.0.1:" + redisPort,
          "--jornada.engine.data-dir=" + work.resolve("journey-engine"),
          "--jornada.scoring.model-dir=" + work.resolve("models"),
          "--jornada.journey.engagement-wait=PT0.5S",
          "--jornada.journey.max-attempts=1",
          "--logging.level.root=WARN")
          .redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile()).start();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      awaitReady(http, appPort, app);
      try (CamundaClient client = CamundaClient.newClientBuilder()
          .restAddress(URI.create("http://127.0.0.1:" + appPort)).preferRestOverGrpc(true).build()) {
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> posts = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
          long due = started + (long) i * 1_000_000_000L / rate;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          posts.add(http.sendAsync(lead(appPort, i), HttpResponse.BodyHandlers.discarding()));
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();
        List<ProcessInstance> done;
        while (true) {
          done = client.newProcessInstanceSearchRequest()
              .filter(f -> f.processDefinitionId(JOURNEY).state(ProcessInstanceState.COMPLETED))
              .page(p -> p.limit(leads)).send().join().items();
          if (done.size() >= leads) {
            break;
          }
          Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] millis = done.stream().mapToLong(p -> Duration.between(p.getStartDate(), p.getEndDate()).toMillis()).sorted().toArray();
        return new Result(leads, leads / seconds, millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1]);
      }
    } finally {
      if (app != null) {
        app.destroy();
        app.waitFor(30, TimeUnit.SECONDS);
      }
      redis.destroy();
    }
  }

  private static HttpRequest lead(int port, int i) {
    String body = """
        {"leadId":"bench-%d","name":"Lead %d","email":"lead%d@example.com","phone":"+5511900000000","city":"São Paulo",
         "company":"Empresa %d","companySize":%d,"source":"organic","funnelStage":"consideration",
         "consent":{"email":true,"whatsapp":%b,"sms":false},"preferredChannel":"email"}
        """.formatted(i, i, i, i, 10 + i % 500, i % 2 == 0);
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/leads"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static void awaitReady(HttpClient http, int port, Process app) throws InterruptedException {
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
    while (true) {
      if (!app.isAlive()) {
        throw new IllegalStateException("the application stopped during start-up");
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
          // the journeys are deployed right after the application reports ready
          Thread.sleep(2_000);
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Journeys completed per second, and their latency from start to end in ms. */
  record Result(int journeys, double perSecond, long p50Millis, long p99Millis) {}
}
