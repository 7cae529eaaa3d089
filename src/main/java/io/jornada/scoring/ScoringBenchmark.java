package io.jornada.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadProperties;
import io.jornada.lead.RedisLeadStateStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import redis.clients.jedis.RedisClient;

/**
 * Scoring throughput and latency with the registry's latest model.
 *
 * <ul>
 *   <li>Batch: leads scored in chunks, each chunk a fresh {@link DMatrix} built from feature rows
 *       (XGBoost caches predictions per matrix, so predicting twice on one matrix would measure the
 *       cache), margins calibrated to probabilities. Time includes building the matrix.
 *   <li>Ingest batch: the leads of one ingest batch scored with reasons and without, per lead.
 *   <li>Single: one lead at a time as a job or the API scores it: read the lead from Redis, compute
 *       features, margin and TreeSHAP reasons. Latency percentiles over every lead.
 * </ul>
 */
final class ScoringBenchmark {

  private static final int CHUNK = 100_000;
  private static final int DISTINCT_ROWS = 20_000;
  /** About the distinct leads of one 1,000-event ingest batch over 500 leads. */
  private static final int INGEST_BATCH_LEADS = 430;

  private final ScoringProperties properties;
  private final String redisUrl;
  private final PrintStream out;

  ScoringBenchmark(ScoringProperties properties, String redisUrl, PrintStream out) {
    this.properties = properties;
    this.redisUrl = redisUrl;
    this.out = out;
  }

  void run(int batchLeads, int singleLeads) {
    LoadedModel model = new BootstrapTraining(new ModelRegistry(properties.modelDir()), properties.bootstrap(),
        properties.training().toParameters(), Clock.systemUTC()).latestOrTrain();
    Instant now = Instant.now();
    List<SyntheticLead> leads =
        new SyntheticPopulation(properties.bootstrap().seed() + 7, now).generate(Math.max(DISTINCT_ROWS, singleLeads));
    out.printf(Locale.ROOT, "model %s, %d threads available%n", model.metadata().version(),
        Runtime.getRuntime().availableProcessors());
    try {
      double perSecond = batch(model, leads, now, batchLeads);
      XGBoostLeadScorer scorer =
          new XGBoostLeadScorer(model, properties.bands().toScoreBands(), Clock.systemUTC());
      explainedAgainstRanked(scorer, leads.subList(0, INGEST_BATCH_LEADS));
      double p99 = single(scorer, leads.subList(0, singleLeads));
      out.printf(Locale.ROOT, "bench scoring: batch_per_s=%.0f single_p99_ms=%.3f%n", perSecond, p99);
    } finally {
      model.booster().dispose();
    }
  }

  private double batch(LoadedModel model, List<SyntheticLead> leads, Instant now, int total) {
    int columns = LeadFeatures.NAMES.size();
    float[] distinct = new float[DISTINCT_ROWS * columns];
    for (int i = 0; i < DISTINCT_ROWS; i++) {
      System.arraycopy(LeadFeatures.of(leads.get(i).profile(), now), 0, distinct, i * columns, columns);
    }
    Booster booster = model.booster();
    Calibration calibration = model.metadata().calibration();
    long[] phases = new long[3];
    scoreChunk(booster, calibration, distinct, 0, Math.min(CHUNK, total), phases); // warm-up: first-call set-up
    Arrays.fill(phases, 0);
    long started = System.nanoTime();
    long cpuStarted = processCpuNanos();
    double checksum = 0;
    int chunks = 0;
    for (int done = 0; done < total; done += CHUNK) {
      checksum += scoreChunk(booster, calibration, distinct, ++chunks, Math.min(CHUNK, total - done), phases);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
    out.printf(Locale.ROOT, "batch: %,d leads in %d chunks of up to %,d, %.3f s, %,.0f leads/s (mean probability %.4f)%n",
        total, chunks, CHUNK, seconds, total / seconds, checksum / total);
    out.printf(Locale.ROOT, "batch phases: rows copied + DMatrix built %.3f s, predict %.3f s, calibration %.3f s%n",
        phases[0] / 1e9, phases[1] / 1e9, phases[2] / 1e9);
    // Wall time on a shared machine includes waiting for a core; CPU time shows the work itself.
    out.printf(Locale.ROOT, "batch CPU: %.3f s of process CPU time for %.3f s wall (%.2f cores busy on average)%n",
        cpuSeconds, seconds, cpuSeconds / seconds);
    return total / seconds;
  }

  /**
   * What an ingest re-score of one batch's leads costs with reasons ({@code scoreAll}: margins and
   * TreeSHAP) and without ({@code rankAll}: margins only), per lead, after a warm-up of each; 3 s
   * of each, on the calling thread.
   */
  private void explainedAgainstRanked(XGBoostLeadScorer scorer, List<SyntheticLead> sample) {
    List<LeadProfile> profiles = sample.stream().map(SyntheticLead::profile).toList();
    double explained = microsPerLead(() -> scorer.scoreAll(profiles), profiles.size());
    double ranked = microsPerLead(() -> scorer.rankAll(profiles), profiles.size());
    out.printf(Locale.ROOT, "ingest batch of %d leads: with reasons %.1f us/lead, without %.1f us/lead%n",
        profiles.size(), explained, ranked);
  }

  private static double microsPerLead(Runnable batch, int leads) {
    for (int i = 0; i < 20; i++) {
      batch.run();
    }
    long start = System.nanoTime();
    int batches = 0;
    while (System.nanoTime() - start < 3_000_000_000L) {
      batch.run();
      batches++;
    }
    return (System.nanoTime() - start) / 1e3 / ((double) batches * leads);
  }

  /**
   * Rows are the distinct leads rotated by the chunk number, so no two matrices are the same;
   * {@code phases} accumulates nanoseconds of building, predicting and calibrating.
   */
  private static double scoreChunk(
      Booster booster, Calibration calibration, float[] distinct, int chunk, int rows, long[] phases) {
    long t0 = System.nanoTime();
    int columns = LeadFeatures.NAMES.size();
    float[] data = new float[rows * columns];
    int offset = (chunk * 7_919) % DISTINCT_ROWS;
    for (int row = 0; row < rows; row++) {
      System.arraycopy(distinct, ((offset + row) % DISTINCT_ROWS) * columns, data, row * columns, columns);
    }
    DMatrix matrix = null;
    try {
      matrix = new DMatrix(data, rows, columns, Float.NaN);
      long t1 = System.nanoTime();
      float[][] margins = booster.predict(matrix, true);
      long t2 = System.nanoTime();
      double sum = 0;
      for (float[] margin : margins) {
        sum += calibration.probability(margin[0]);
      }
      phases[0] += t1 - t0;
      phases[1] += t2 - t1;
      phases[2] += System.nanoTime() - t2;
      return sum;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  private double single(XGBoostLeadScorer scorer, List<SyntheticLead> leads) {
    try (RedisClient redis = RedisClient.builder().fromURI(redisUrl).build()) {
      RedisLeadStateStore store =
          new RedisLeadStateStore(redis, LeadProperties.defaults(), new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());
      long loading = System.nanoTime();
      for (SyntheticLead lead : leads) {
        store.upsert(lead.profile());
        for (LeadEvent event : lead.events()) {
          store.record(event);
        }
      }
      out.printf(Locale.ROOT, "single: %,d leads with their events stored in Redis (%s) in %.1f s%n",
          leads.size(), redisUrl, (System.nanoTime() - loading) / 1e9);
      for (int i = 0; i < Math.min(1_000, leads.size()); i++) {
        scorer.score(store.find(leads.get(i).profile().leadId()).orElseThrow()); // warm-up: JIT, pool
      }
      long[] nanos = new long[leads.size()];
      long[] cpu = new long[leads.size()];
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < leads.size(); i++) {
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        LeadProfile lead = store.find(leads.get(i).profile().leadId()).orElseThrow();
        scorer.score(lead);
        nanos[i] = System.nanoTime() - started;
        cpu[i] = threads.getCurrentThreadCpuTime() - cpuStarted;
      }
      Arrays.sort(nanos);
      Arrays.sort(cpu);
      double p50 = percentile(nanos, 0.50);
      double p99 = percentile(nanos, 0.99);
      out.printf(Locale.ROOT, "single (Redis read + features + margin + TreeSHAP reasons): %,d leads, p50 %.3f ms,"
          + " p99 %.3f ms, max %.3f ms%n", leads.size(), p50, p99, nanos[nanos.length - 1] / 1e6);
      out.printf(Locale.ROOT, "single, CPU time of the calling thread (excludes waiting for a core and for Redis):"
          + " p50 %.3f ms, p99 %.3f ms%n", percentile(cpu, 0.50), percentile(cpu, 0.99));
      return p99;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double percentile(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
