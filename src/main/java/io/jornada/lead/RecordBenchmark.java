package io.jornada.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import redis.clients.jedis.RedisClient;

/**
 * The record script alone ({@link RedisLeadStateStore#recordAll}), the largest share of Redis's
 * time per ingested event: batches of events over a set of leads, with the bench ingest's mix of
 * types and channels and a journey message for each engagement type the nurture journey waits
 * for, recorded from one thread against an otherwise idle Redis. Reports events/s and Redis's time
 * per event ({@code INFO commandstats}): the script's own line includes the commands it calls,
 * which are also listed on their own. Redis's time per event is the figure to compare between
 * versions of the script; the events/s include the JVM's and the round trips' share.
 */
public final class RecordBenchmark {

  private final RedisClient redis;
  private final PrintStream out;
  private final RedisLeadStateStore store;
  private final Map<String, String> messages = CorrelationProperties.defaults().messages();
  private final SplittableRandom random = new SplittableRandom(42);
  private long nextEventId;

  private RecordBenchmark(RedisClient redis, PrintStream out) {
    this.redis = redis;
    this.out = out;
    this.store = new RedisLeadStateStore(redis, LeadProperties.defaults(), new ObjectMapper(), Clock.systemUTC());
  }

  /**
   * Flushes the Redis at {@code redisUrl} (it must be a private one), creates the leads, records
   * for {@code measured} unmeasured, then for {@code measured} measured, and prints the results.
   */
  public static void run(String redisUrl, int leadCount, int batchSize, Duration measured, PrintStream out) {
    try (RedisClient redis = RedisClient.builder().fromURI(redisUrl).build()) {
      new RecordBenchmark(redis, out).run(leadCount, batchSize, measured);
    }
  }

  private void run(int leadCount, int batchSize, Duration measured) {
    redis.flushAll();
    List<String> leads = new ArrayList<>(leadCount);
    for (int i = 0; i < leadCount; i++) {
      String leadId = "record-" + i;
      leads.add(leadId);
      store.upsert(new LeadProfile(leadId, "Lead " + i, null, null, "São Paulo", "Acme", 50, "web", "lead",
          Consent.none(), "email", Map.of(), Instant.now(), null));
    }
    out.printf(Locale.ROOT, "bench record: %d leads, batches of %d events, warm-up %d s, measured %d s%n",
        leadCount, batchSize, measured.toSeconds(), measured.toSeconds());
    recordFor(leads, batchSize, measured);
    RedisCommandTime commands = RedisCommandTime.start(redis);
    long[] events = {0};
    double seconds = recordFor(leads, batchSize, measured, events);
    commands.stop(redis);
    double scriptMicros = commands.micros("evalsha") / (double) events[0];
    out.printf(Locale.ROOT, "bench record: redis by command per event: %s%n", commands.perEvent(events[0], Integer.MAX_VALUE));
    out.printf(Locale.ROOT, "bench record: events_per_s=%.0f redis_script_us_per_event=%.2f%n", events[0] / seconds,
        scriptMicros);
  }

  private void recordFor(List<String> leads, int batchSize, Duration duration) {
    recordFor(leads, batchSize, duration, new long[1]);
  }

  private double recordFor(List<String> leads, int batchSize, Duration duration, long[] events) {
    Function<LeadEvent, JourneyMessage> messageOf = this::messageOf;
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long now;
    do {
      store.recordAll(batch(leads, batchSize), messageOf);
      events[0] += batchSize;
      now = System.nanoTime();
    } while (now < end);
    return (now - start) / 1e9;
  }

  private List<LeadEvent> batch(List<String> leads, int size) {
    List<LeadEvent> batch = new ArrayList<>(size);
    Instant now = Instant.now();
    for (int i = 0; i < size; i++) {
      String type = BenchEventMix.type(random);
      batch.add(new LeadEvent("r-" + nextEventId++, leads.get(random.nextInt(leads.size())), type, now,
          BenchEventMix.channelOf(type), Map.of()));
    }
    return batch;
  }

  private JourneyMessage messageOf(LeadEvent event) {
    String name = messages.get(event.type());
    if (name == null) {
      return null;
    }
    Map<String, Object> engagement = Map.of("eventId", event.eventId(), "type", event.type(), "channel", event.channel());
    return new JourneyMessage(name, event.leadId(), event.eventId(), Duration.ofHours(1),
        Map.of("lastEngagement", engagement));
  }
}
