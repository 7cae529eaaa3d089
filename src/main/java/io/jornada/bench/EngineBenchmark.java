package io.jornada.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./jornada bench engine}: the standalone engine in its own process, driven over HTTP
 * loopback by the unmodified Camunda client and a real job worker.
 *
 * <ol>
 *   <li>One-service-task process: the highest sustained instances/s (closed loop), then p50/p99
 *       latency from create to complete at fixed offered rates (open loop).
 *   <li>The lead-nurture journey with the real workers, Redis and the outbox channel.
 *   <li>Heap per waiting instance, with instances parked at a message catch and at a timer, and
 *       the time to restart with them.
 * </ol>
 *
 * Ends with one line for scripts: {@code bench engine: pi_per_s=… p99_ms_at_500=… heap_mb_per_100k_waiting=… restart_s_1m=…}.
 */
public final class EngineBenchmark {

  private static final String TASK_PROCESS = "bench-one-task";
  private static final String JOB_TYPE = "bench-work";
  private static final int IN_FLIGHT = 256;

  private final Options options;
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  private volatile boolean recording;

  private EngineBenchmark(Options options) {
    this.options = options;
  }

  /** Runs the benchmark; an unknown or malformed option is reported in one line, exit code 2. */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench engine: " + e.getMessage());
      System.exit(2);
      return;
    }
    new EngineBenchmark(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    Path work = Files.createTempDirectory("jornada-bench-engine");
    Path log = work.resolve("engine.log");
    int port = freePort();
    System.out.printf("bench engine: jar %s, journal %s, engine log %s, %d cores%n", options.jar(), work.resolve("journal"), log,
        Runtime.getRuntime().availableProcessors());
    double perSecond;
    double p99At500 = Double.NaN;
    double heapPer100k;
    double restartSeconds;
    try (var engine = new EngineProcess(options.jar(), work.resolve("journal"), log, port, options.maxHeap());
         var client = client(port)) {
      engine.start();
      deploy(client, TASK_PROCESS, Bpmn.createExecutableProcess(TASK_PROCESS).startEvent()
          .serviceTask("work", t -> t.zeebeJobType(JOB_TYPE)).endEvent().done());
      try (JobWorker worker = worker(client)) {
        atRate(client, 500, Duration.ofSeconds(3));
        perSecond = sustained(client, Duration.ofSeconds(options.seconds()));
        System.out.printf("one-task: %.0f instances/s sustained (closed loop, %d in flight, %d s)%n", perSecond, IN_FLIGHT, options.seconds());
        for (int rate : options.rates()) {
          Latency latency = atRate(client, rate, Duration.ofSeconds(options.seconds()));
          System.out.printf("one-task at %5d/s offered: %,d of %,d completed (%.0f/s), p50 %6.1f ms, p99 %6.1f ms%s%n",
              rate, latency.completed(), latency.offered(), latency.completedPerSecond(), latency.p50(), latency.p99(),
              latency.completed() < latency.offered() ? "; engine: " + engineJobs(port) : "");
          if (rate == 500) {
            p99At500 = latency.p99();
          }
        }
      }
      var journeys = new JourneyBenchmark(options.jar(), work).run(options.journeys(), options.journeyRate());
      System.out.printf("lead-nurture with real workers: %,d journeys offered at %d/s: %.0f journeys/s, start-to-end p50 %d ms, p99 %d ms"
              + " (includes the 0.5 s engagement timer)%n",
          journeys.journeys(), options.journeyRate(), journeys.perSecond(), journeys.p50Millis(), journeys.p99Millis());
      Waiting waiting = park(engine, client);
      heapPer100k = waiting.heapMbPer100k();
      long stopStarted = System.nanoTime();
      engine.stop();
      double stopSeconds = (System.nanoTime() - stopStarted) / 1e9;
      restartSeconds = engine.start().toMillis() / 1000.0;
      System.out.printf("restart with %,d waiting: stop (with snapshot) %.1f s, start until the API answers %.1f s%n",
          waiting.total(), stopSeconds, restartSeconds);
    }
    System.out.printf("bench engine: pi_per_s=%.0f p99_ms_at_500=%.1f heap_mb_per_100k_waiting=%.1f restart_s_1m=%.1f%n",
        perSecond, p99At500, heapPer100k, restartSeconds);
  }

  /** Where the engine says the missing jobs are: still activatable, or activated and not completed. */
  private static String engineJobs(int port) {
    try {
      String metrics = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      return metrics.lines()
          .filter(l -> l.startsWith("jornada_engine_jobs_activatable{type=\"" + JOB_TYPE) || l.startsWith("jornada_engine_elements_active{element=\"work\""))
          .map(l -> l.replace("jornada_engine_", ""))
          .reduce((x, y) -> x + ", " + y).orElse("no job metrics");
    } catch (Exception e) {
      return "metrics unavailable (" + e.getMessage() + ")";
    }
  }

  private CamundaClient client(int port) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(true)
        .maxHttpConnections(IN_FLIGHT * 2)
        .numJobWorkerExecutionThreads(2)
        .build();
  }

  private static void deploy(CamundaClient client, String name, BpmnModelInstance model) {
    client.newDeployResourceCommand().addProcessModel(model, name + ".bpmn").send().join();
  }

  /** Completes every job without waiting for the answer; measures create-to-complete latency. */
  private JobWorker worker(CamundaClient client) {
    return client.newWorker().jobType(JOB_TYPE)
        .handler((jobClient, job) -> {
          long sentAt = ((Number) job.getVariablesAsMap().get("sentAt")).longValue();
          jobClient.newCompleteCommand(job).send().whenComplete((ok, failure) -> {
            if (failure != null && failures.getAndIncrement() == 0) {
              System.out.println("first failed completion: " + failure);
            }
            if (failure == null) {
              completed.incrementAndGet();
              if (recording) {
                latencies.add(System.nanoTime() - sentAt);
              }
            }
          });
        })
        .maxJobsActive(IN_FLIGHT * 2)
        .pollInterval(Duration.ofMillis(10))
        .timeout(Duration.ofMinutes(1))
        .open();
  }

  /**
   * Closed loop: creates with {@link #IN_FLIGHT} creations outstanding for the duration, then
   * waits until every instance created has completed. Instances per second = instances created /
   * time until the last of them completed, so a backlog of unfinished work cannot flatter it.
   */
  private double sustained(CamundaClient client, Duration duration) throws InterruptedException {
    var inFlight = new Semaphore(IN_FLIGHT);
    long before = completed.get();
    long created = 0;
    long started = System.nanoTime();
    long end = started + duration.toNanos();
    while (System.nanoTime() < end) {
      if (inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        create(client).whenComplete((ok, failure) -> inFlight.release());
        created++;
      }
    }
    inFlight.acquire(IN_FLIGHT);
    while (completed.get() - before < created) {
      Thread.sleep(5);
    }
    return created / ((System.nanoTime() - started) / 1e9);
  }

  /** Open loop: creates at a fixed rate, whatever the engine answers, and records latencies. */
  private Latency atRate(CamundaClient client, int rate, Duration duration) throws InterruptedException {
    latencies.clear();
    long before = completed.get();
    recording = true;
    long started = System.nanoTime();
    long count = (long) rate * duration.toSeconds();
    for (long i = 0; i < count; i++) {
      long due = started + i * 1_000_000_000L / rate;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      create(client);
    }
    // Late completions still count (and their latency with them), for a short while.
    long drainUntil = System.nanoTime() + 10_000_000_000L;
    while (completed.get() - before < count && System.nanoTime() < drainUntil) {
      Thread.sleep(10);
    }
    recording = false;
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Latency(completed.get() - before, count, (completed.get() - before) / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
  }

  private CompletionStage<?> create(CamundaClient client) {
    return client.newCreateInstanceCommand().bpmnProcessId(TASK_PROCESS).latestVersion()
        .variables(Map.of("sentAt", System.nanoTime())).send()
        .whenComplete((ok, failure) -> {
          if (failure != null && failures.getAndIncrement() == 0) {
            System.out.println("first failed creation: " + failure);
          }
        });
  }

  /** Parks instances at a message catch and at a timer and measures the heap they take. */
  private Waiting park(EngineProcess engine, CamundaClient client) throws Exception {
    deploy(client, "park-message", Bpmn.createExecutableProcess("park-message").startEvent()
        .intermediateCatchEvent("wait-for-message", e -> e.message(m -> m.name("never").zeebeCorrelationKeyExpression("id")))
        .endEvent().done());
    deploy(client, "park-timer", Bpmn.createExecutableProcess("park-timer").startEvent()
        .intermediateCatchEvent("wait-for-timer", e -> e.timerWithDuration("P30D"))
        .endEvent().done());
    double baseline = engine.heapUsedMb();
    System.out.printf("heap with no waiting instances: %.0f MB%n", baseline);
    Map<String, Integer> parkedPerProcess = new HashMap<>();
    long parked = 0;
    double perHundredK = Double.NaN;
    for (int target : options.waiting()) {
      for (String process : List.of("park-message", "park-timer")) {
        int more = target - parkedPerProcess.getOrDefault(process, 0);
        long started = System.nanoTime();
        parkMore(client, process, parkedPerProcess.getOrDefault(process, 0), more);
        double seconds = (System.nanoTime() - started) / 1e9;
        parkedPerProcess.put(process, target);
        parked += more;
        double heap = engine.heapUsedMb();
        perHundredK = (heap - baseline) / (parked / 100_000.0);
        System.out.printf("%-13s %,9d parked (%.0f created/s); %,d waiting in all: heap %.0f MB, %.1f MB per 100k waiting%n",
            process, target, more / seconds, parked, heap, perHundredK);
      }
    }
    return new Waiting(parked, perHundredK);
  }

  private static void parkMore(CamundaClient client, String process, int from, int count) throws InterruptedException {
    var inFlight = new Semaphore(IN_FLIGHT);
    for (int i = from; i < from + count; i++) {
      inFlight.acquire();
      client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion()
          .variables(Map.of("id", process + "-" + i)).send()
          .whenComplete((ok, failure) -> inFlight.release());
    }
    inFlight.acquire(IN_FLIGHT);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private record Latency(long completed, long offered, double completedPerSecond, double p50, double p99) {}

  private record Waiting(long total, double heapMbPer100k) {}

  /** Command-line options, with the defaults of the recorded runs. */
  record Options(Path jar, int[] rates, int seconds, int[] waiting, String maxHeap, int journeys, int journeyRate) {
    static Options parse(String[] args) {
      Path jar = Path.of("target/jornada.jar");
      int[] rates = {100, 500, 1_000, 2_000};
      int seconds = 10;
      int[] waiting = {100_000, 1_000_000};
      String maxHeap = "6g";
      int journeys = 2_000;
      int journeyRate = 100;
      for (String arg : args) {
        String value = arg.substring(arg.indexOf('=') + 1);
        if (arg.startsWith("--jar=")) {
          jar = Path.of(value);
        } else if (arg.startsWith("--rates=")) {
          rates = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
        } else if (arg.startsWith("--seconds=")) {
          seconds = Integer.parseInt(value);
        } else if (arg.startsWith("--waiting=")) {
          waiting = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
        } else if (arg.startsWith("--max-heap=")) {
          maxHeap = value;
        } else if (arg.startsWith("--journeys=")) {
          journeys = Integer.parseInt(value);
        } else if (arg.startsWith("--journey-rate=")) {
          journeyRate = Integer.parseInt(value);
        } else {
          throw new IllegalArgumentException("unknown option " + arg
              + " (options: --jar=PATH --rates=100,500 --seconds=N --waiting=100000,1000000 --max-heap=6g"
              + " --journeys=2000 --journey-rate=100)");
        }
      }
      return new Options(jar, rates, seconds, waiting, maxHeap, journeys, journeyRate);
    }
  }
}
