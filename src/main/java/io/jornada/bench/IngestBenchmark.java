package io.jornada.bench;

import io.jornada.engine.Engine;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.event.EngineEvent;
import io.jornada.lead.BenchEventMix;
import io.jornada.lead.RedisCommandTime;
import io.jornada.scoring.RedisLeadScoreStore;
import io.jornada.scoring.RescoreQueue;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Measures ingestion: sustained events/s through {@code POST /api/events} and through the ingest
 * stream (state update, segment evaluation and correlation included), then the reaction time from
 * the POST of a click to the {@code rescore-lead} activation of the journey waiting for it, under
 * a background load. Ingest counts an event once it is recorded with its journey message in the
 * journey outbox; the outbox is published asynchronously, so the benchmark also reports how fast
 * it drained and how far it lagged behind, and lets it catch up before measuring reaction times.
 * Writes {@code key=value} lines to {@code jornada.bench.ingest.output} and exits.
 */
@Component
@ConditionalOnProperty(prefix = "jornada.bench.ingest", name = "enabled", havingValue = "true")
class IngestBenchmark implements ApplicationListener<ApplicationReadyEvent> {

  private static final String STREAM = "jornada:ingest";
  private static final String OUTBOX = "jornada:journey:outbox";

  private static final Logger LOG = LoggerFactory.getLogger(IngestBenchmark.class);

  private final RedisClient redis;
  private final Environment environment;
  private final PrintStream console = System.out;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<Long, String> leadOfInstance = new ConcurrentHashMap<>();
  private final Map<String, Long> waitingSince = new ConcurrentHashMap<>();
  private final Map<String, Long> rescoredAt = new ConcurrentHashMap<>();
  private final AtomicLong eventIds = new AtomicLong();
  private final AtomicBoolean launched = new AtomicBoolean();
  private final AtomicLong lastEngineEvent = new AtomicLong(System.nanoTime());
  private String base;

  IngestBenchmark(Engine engine, RedisClient redis, Environment environment) {
    this.redis = redis;
    this.environment = environment;
    engine.addListener(this::onEngineEvents);
  }

  /** On the engine's writer thread: only map updates. */
  private void onEngineEvents(List<EngineEvent> events) {
    long now = System.nanoTime();
    lastEngineEvent.set(now);
    for (EngineEvent event : events) {
      if (event instanceof VariableSet v && v.scopeKey() == v.processInstanceKey() && "leadId".equals(v.name())) {
        leadOfInstance.put(v.processInstanceKey(), String.valueOf(v.value()));
      } else if (event instanceof ElementActivated a) {
        String lead = leadOfInstance.get(a.processInstanceKey());
        if (lead == null) {
          continue;
        }
        if ("await-engagement".equals(a.elementId())) {
          waitingSince.putIfAbsent(lead, now);
        } else if ("rescore-lead".equals(a.elementId())) {
          rescoredAt.putIfAbsent(lead, now);
        }
      }
    }
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (!launched.compareAndSet(false, true)) {
      return;
    }
    ConfigurableApplicationContext context = event.getApplicationContext();
    base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
    Thread bench = new Thread(() -> runThenExit(context), "jornada-bench");
    bench.start();
  }

  private void runThenExit(ConfigurableApplicationContext context) {
    int code = 0;
    try {
      Map<String, String> results = run();
      StringJoiner lines = new StringJoiner("\n", "", "\n");
      results.forEach((k, v) -> lines.add(k + "=" + v));
      Files.writeString(Path.of(environment.getProperty("jornada.bench.ingest.output", "bench-ingest.properties")), lines.toString());
    } catch (Exception e) {
      LOG.error("Ingest benchmark failed", e);
      console.println("bench: failed: " + e + " (details in the application log)");
      code = 1;
    }
    int result = code;
    System.exit(SpringApplication.exit(context, () -> result));
  }

  private Map<String, String> run() throws Exception {
    int loadLeads = environment.getProperty("jornada.bench.ingest.load-leads", Integer.class, 500);
    int waitingLeads = environment.getProperty("jornada.bench.ingest.waiting-leads", Integer.class, 200);
    int seconds = environment.getProperty("jornada.bench.ingest.seconds", Integer.class, 15);
    int streamEvents = environment.getProperty("jornada.bench.ingest.stream-events", Integer.class, 200_000);
    int offered = environment.getProperty("jornada.bench.ingest.reaction-load-per-s", Integer.class, 2_000);

    console.printf("bench: creating %d load leads and %d leads whose journeys will wait%n", loadLeads, waitingLeads);
    List<String> load = createLeads("load-", loadLeads);
    List<String> waiting = createLeads("wait-", waitingLeads);
    awaitWaiting(waiting, Duration.ofMinutes(3));

    // The first seconds of ingest compile its code (C2, on the same 2 cores): not what is measured.
    int warmUp = environment.getProperty("jornada.bench.ingest.warm-up-seconds", Integer.class, 15);
    console.printf("bench: warming up (HTTP batch ingest, %d s, not measured)%n", warmUp);
    httpThroughput(load, warmUp);
    awaitOutboxDrained(Duration.ofMinutes(5));

    long addedBefore = outboxAdded();
    long drainStart = System.nanoTime();
    console.printf("bench: HTTP batch ingest for %d s%n", seconds);
    CpuUse httpCpu = CpuUse.start(redis);
    double httpRate = httpThroughput(load, seconds);
    httpCpu.stop(redis);
    long lagAfterHttp = redis.xlen(OUTBOX);
    long dueAfterHttp = rescoresDue();
    long scoreAgeAfterHttp = oldestScoreMillis(load);
    console.printf(Locale.ROOT, "bench: http_events_per_s=%.0f (journey outbox lag %d; re-scores due %d, oldest score %d ms;"
        + " %s; redis by command: %s)%n", httpRate, lagAfterHttp, dueAfterHttp, scoreAgeAfterHttp, httpCpu.perEvent(httpRate),
        httpCpu.commandsPerEvent(httpRate));

    console.printf("bench: stream ingest of %d events%n", streamEvents);
    CpuUse streamCpu = CpuUse.start(redis);
    double streamRate = streamThroughput(load, streamEvents);
    streamCpu.stop(redis);
    long lagAfterStream = redis.xlen(OUTBOX);
    long dueAfterStream = rescoresDue();
    long scoreAgeAfterStream = oldestScoreMillis(load);
    console.printf(Locale.ROOT, "bench: stream_events_per_s=%.0f (journey outbox lag %d; re-scores due %d, oldest score %d ms;"
        + " %s; redis by command: %s)%n", streamRate, lagAfterStream, dueAfterStream, scoreAgeAfterStream,
        streamCpu.perEvent(streamRate), streamCpu.commandsPerEvent(streamRate));

    console.printf("bench: waiting for the journey outbox to be published (lag %d)%n", lagAfterStream);
    long catchUpStart = System.nanoTime();
    long lagLeft = awaitOutboxDrained(Duration.ofMinutes(5));
    double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
    long appended = outboxAdded() - addedBefore;
    double drainRate = (appended - lagLeft) / ((System.nanoTime() - drainStart) / 1e9);
    console.printf(Locale.ROOT, "bench: journey outbox: %d entries appended, drained at %.0f entries/s, %.1f s to catch up after"
        + " ingest, %d left%n", appended, drainRate, catchUpSeconds, lagLeft);

    // Faster ingest than journeys leaves woken journeys working after the outbox is empty; the
    // reaction phase measures a steady load, not that backlog.
    double settleSeconds = awaitEngineQuiet(Duration.ofSeconds(1), Duration.ofMinutes(3));
    console.printf(Locale.ROOT, "bench: journeys settled %.1f s after the outbox was published%n", settleSeconds);
    console.printf("bench: reaction time of %d waiting journeys under %d events/s offered%n", waiting.size(), offered);
    List<Double> reactions = reactions(load, waiting, offered);
    double p50 = percentile(reactions, 0.50);
    double p99 = percentile(reactions, 0.99);
    console.printf(Locale.ROOT, "bench: reaction p50=%.1f ms p99=%.1f ms (%d samples)%n", p50, p99, reactions.size());

    Map<String, String> results = new LinkedHashMap<>();
    results.put("http_events_per_s", String.format(Locale.ROOT, "%.0f", httpRate));
    results.put("stream_events_per_s", String.format(Locale.ROOT, "%.0f", streamRate));
    results.put("events_per_s", String.format(Locale.ROOT, "%.0f", Math.min(httpRate, streamRate)));
    results.put("http_cpu_us_per_event", httpCpu.perEvent(httpRate));
    results.put("stream_cpu_us_per_event", streamCpu.perEvent(streamRate));
    results.put("p50_reaction_ms", String.format(Locale.ROOT, "%.1f", p50));
    results.put("p99_reaction_ms", String.format(Locale.ROOT, "%.1f", p99));
    results.put("reaction_samples", Integer.toString(reactions.size()));
    results.put("outbox_appended", Long.toString(appended));
    results.put("outbox_lag_after_http", Long.toString(lagAfterHttp));
    results.put("outbox_lag_after_stream", Long.toString(lagAfterStream));
    results.put("rescores_due_after_http", Long.toString(dueAfterHttp));
    results.put("rescores_due_after_stream", Long.toString(dueAfterStream));
    results.put("oldest_score_ms_after_http", Long.toString(scoreAgeAfterHttp));
    results.put("oldest_score_ms_after_stream", Long.toString(scoreAgeAfterStream));
    results.put("outbox_drain_per_s", String.format(Locale.ROOT, "%.0f", drainRate));
    results.put("outbox_catch_up_s", String.format(Locale.ROOT, "%.1f", catchUpSeconds));
    results.put("outbox_lag_end", Long.toString(redis.xlen(OUTBOX)));
    results.put("journeys_settle_s", String.format(Locale.ROOT, "%.1f", settleSeconds));
    return results;
  }

  private List<String> createLeads(String prefix, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + i;
      ids.add(id);
      done.add(pool.submit(() -> post("/api/leads", "application/json",
          "{\"leadId\":\"" + id + "\",\"name\":\"Lead " + id + "\",\"email\":\"" + id + "@example.com\","
              + "\"companySize\":20,\"source\":\"organic\",\"funnelStage\":\"awareness\","
              + "\"consent\":{\"email\":true},\"preferredChannel\":\"email\"}")));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return ids;
  }

  private void awaitWaiting(List<String> leads, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!waitingSince.keySet().containsAll(leads)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + leads.stream().filter(waitingSince::containsKey).count()
            + " of " + leads.size() + " journeys reached await-engagement");
      }
      Thread.sleep(200);
    }
  }

  private double httpThroughput(List<String> leads, int seconds) throws Exception {
    int threads = 3;
    AtomicLong accepted = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          HttpResponse<String> response = post("/api/events", "application/x-ndjson", ndjson(leads, 1000));
          if (response.statusCode() == 202) {
            accepted.addAndGet(count(response.body(), "\"accepted\":"));
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return accepted.get() / ((System.nanoTime() - start) / 1e9);
  }

  private double streamThroughput(List<String> leads, int total) throws InterruptedException {
    StreamEntryID last = null;
    long start = System.nanoTime();
    for (int sent = 0; sent < total; sent += 1000) {
      try (AbstractPipeline pipeline = redis.pipelined()) {
        List<Response<StreamEntryID>> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          ids.add(pipeline.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of("event", event(leads))));
        }
        pipeline.sync();
        last = ids.get(ids.size() - 1).get();
      }
    }
    while (true) {
      StreamGroupInfo group = redis.xinfoGroups(STREAM).stream().filter(g -> g.getName().equals("jornada")).findFirst().orElseThrow();
      if (group.getPending() == 0 && group.getLastDeliveredId().compareTo(last) >= 0) {
        break;
      }
      Thread.sleep(20);
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * CPU time this JVM (ingest, outbox publisher, engine and workers alike) and Redis used during a
   * phase. On a shared machine the events/s depend on what else runs; the CPU time per event much
   * less so, and it tells what a dedicated 2-core machine could sustain (2 s of CPU per second).
   */
  private static final class CpuUse {
    private final long jvmStart;
    private final double redisStart;
    private final RedisCommandTime commands;
    private final long wallStart = System.nanoTime();
    private long jvmNanos;
    private double redisSeconds;
    private double wallSeconds;

    private CpuUse(long jvmStart, double redisStart, RedisCommandTime commands) {
      this.jvmStart = jvmStart;
      this.redisStart = redisStart;
      this.commands = commands;
    }

    static CpuUse start(RedisClient redis) {
      return new CpuUse(jvmCpuNanos(), redisCpuSeconds(redis), RedisCommandTime.start(redis));
    }

    void stop(RedisClient redis) {
      jvmNanos = jvmCpuNanos() - jvmStart;
      redisSeconds = redisCpuSeconds(redis) - redisStart;
      commands.stop(redis);
      wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    }

    /** {@code jvm=…us redis=…us per event}, from the phase's events/s. */
    String perEvent(double eventsPerSecond) {
      double events = eventsPerSecond * wallSeconds;
      return String.format(Locale.ROOT, "jvm=%.0fus redis=%.0fus", jvmNanos / 1e3 / events, redisSeconds * 1e6 / events);
    }

    /**
     * Redis time per event by command ({@code INFO commandstats}), the six largest: a script's
     * own line includes the commands it calls, which are also listed on their own.
     */
    String commandsPerEvent(double eventsPerSecond) {
      return commands.perEvent(eventsPerSecond * wallSeconds, 6);
    }

    private static long jvmCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    private static double redisCpuSeconds(RedisClient redis) {
      double seconds = 0;
      for (String line : redis.info("cpu").split("\r?\n")) {
        if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
          seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
        }
      }
      return seconds;
    }
  }

  /**
   * Leads whose re-score is due and not yet claimed: re-scoring runs beside ingest on the same
   * cores, and a number that grows from phase to phase would mean it does not keep up.
   */
  private long rescoresDue() {
    return redis.zcount(RescoreQueue.KEY, Double.NEGATIVE_INFINITY, System.currentTimeMillis());
  }

  /**
   * How old the oldest stored score of the leads is, in millis: every load lead had events
   * throughout the phase, so a re-scoring that keeps up leaves none older than about the re-score
   * delay plus a batch.
   */
  private long oldestScoreMillis(List<String> leads) {
    List<Response<String>> scoredAt = new ArrayList<>(leads.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      leads.forEach(lead -> scoredAt.add(pipeline.hget(RedisLeadScoreStore.key(lead), "scoredAt")));
      pipeline.sync();
    }
    long now = System.currentTimeMillis();
    long oldest = 0;
    for (Response<String> at : scoredAt) {
      long age = at.get() == null ? Long.MAX_VALUE : now - Instant.parse(at.get()).toEpochMilli();
      oldest = Math.max(oldest, age);
    }
    return oldest;
  }

  /** How many entries were ever appended to the journey outbox (published ones are deleted). */
  private long outboxAdded() {
    if (!redis.exists(OUTBOX)) {
      return 0;
    }
    return ((Number) redis.xinfoStream(OUTBOX).getStreamInfo().get("entries-added")).longValue();
  }

  /** Waits until the engine exported nothing for {@code quiet}, at most {@code timeout}; returns seconds waited. */
  private double awaitEngineQuiet(Duration quiet, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (System.nanoTime() - lastEngineEvent.get() < quiet.toNanos() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Waits until the journey outbox is empty or the timeout passed; returns what is left. */
  private long awaitOutboxDrained(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left = redis.xlen(OUTBOX);
    while (left > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      left = redis.xlen(OUTBOX);
    }
    return left;
  }

  private List<Double> reactions(List<String> load, List<String> waiting, int offeredPerSecond) throws Exception {
    AtomicBoolean loading = new AtomicBoolean(true);
    Thread background = new Thread(() -> {
      int perTick = Math.max(1, offeredPerSecond / 20);
      long next = System.nanoTime();
      while (loading.get()) {
        post("/api/events", "application/x-ndjson", ndjson(load, perTick));
        next += 50_000_000L;
        long sleep = (next - System.nanoTime()) / 1_000_000;
        if (sleep > 0) {
          try {
            Thread.sleep(sleep);
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }, "bench-load");
    background.start();
    Thread.sleep(1_000);
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    for (String lead : waiting) {
      String click = "{\"eventId\":\"click-" + lead + "\",\"leadId\":\"" + lead + "\",\"type\":\"email_click\",\"channel\":\"email\"}";
      sentAt.put(lead, System.nanoTime());
      post("/api/events", "application/x-ndjson", click);
      Thread.sleep(50);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!rescoredAt.keySet().containsAll(waiting) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    loading.set(false);
    background.join();
    List<Double> millis = new ArrayList<>();
    for (String lead : waiting) {
      Long reacted = rescoredAt.get(lead);
      // A journey that never reacted counts as the whole wait, so it cannot flatter the p99.
      long end = reacted != null ? reacted : deadline;
      millis.add((end - sentAt.get(lead)) / 1e6);
    }
    return millis;
  }

  private String ndjson(List<String> leads, int count) {
    StringBuilder body = new StringBuilder(count * 120);
    for (int i = 0; i < count; i++) {
      body.append(event(leads)).append('\n');
    }
    return body.toString();
  }

  private String event(List<String> leads) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String type = BenchEventMix.type(random);
    String channel = BenchEventMix.channelOf(type);
    return "{\"eventId\":\"b-" + eventIds.incrementAndGet() + "\",\"leadId\":\"" + leads.get(random.nextInt(leads.size()))
        + "\",\"type\":\"" + type + "\",\"channel\":\"" + channel + "\"}";
  }

  private HttpResponse<String> post(String path, String contentType, String body) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long count(String body, String field) {
    int at = body.indexOf(field);
    int from = at + field.length();
    int to = from;
    while (to < body.length() && Character.isDigit(body.charAt(to))) {
      to++;
    }
    return Long.parseLong(body.substring(from, to));
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
