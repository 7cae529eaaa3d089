package io.jornada.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import redis.clients.jedis.RedisClient;

/**
 * The ingestion path wired by hand on a real Redis, with a recording journey port and event
 * listener; the journey outbox is published only when a test calls a {@link #publisher}.
 */
final class IngestFixture {

  final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  final RecordingJourneySignals signals = new RecordingJourneySignals();
  final List<LeadEvent> heard = new CopyOnWriteArrayList<>();
  /** Not the default outbox, which running applications in the same JVM publish. */
  final JourneyOutbox outbox = new JourneyOutbox("test:fixture:outbox");
  final RedisLeadStateStore store;
  final RedisSegments segments;
  final Segmentation segmentation;
  final EventIngestor ingestor;
  final EventValidator validator;
  private final RedisClient redis;

  IngestFixture(RedisClient redis) {
    this.redis = redis;
    this.store =
        new RedisLeadStateStore(redis, LeadProperties.defaults(), EngagementProperties.defaults(), outbox, json, Clock.systemUTC());
    this.segments = new RedisSegments(redis, outbox.key());
    this.segmentation =
        new Segmentation(SegmentRules.fromClasspath(), segments, CorrelationProperties.defaults(), signalsProvider());
    this.validator = new EventValidator(IngestProperties.defaults(), json);
    this.ingestor =
        new EventIngestor(
            store,
            segmentation,
            CorrelationProperties.defaults(),
            LeadProperties.defaults(),
            signalsProvider(),
            new StaticListableBeanFactory(Map.of("listener", (LeadEventListener) heard::add)).getBeanProvider(LeadEventListener.class),
            Clock.systemUTC());
  }

  /** A publisher of the journey outbox, named {@code name}, that does not pace wake-ups. */
  OutboxPublisher publisher(String name, Duration minIdle) {
    return publisher(name, minIdle, Duration.ZERO, Clock.systemUTC());
  }

  /** A publisher of the journey outbox, named {@code name}, pacing by {@code wakeInterval} on {@code clock}. */
  OutboxPublisher publisher(String name, Duration minIdle, Duration wakeInterval, Clock clock) {
    CorrelationProperties.Outbox settings = new CorrelationProperties.Outbox(
        true, outbox.key(), "jornada", name, 100, Duration.ofMillis(100), minIdle, 8, wakeInterval);
    return new OutboxPublisher(redis, outbox, settings, signalsProvider(), name, clock);
  }

  /** Publishes the journey outbox until nothing is left; returns how many entries were acknowledged. */
  int drainOutbox() {
    OutboxPublisher publisher = publisher("drain", Duration.ofSeconds(30));
    int total = 0;
    for (int published = publisher.pollOnce(); published > 0; published = publisher.pollOnce()) {
      total += published;
    }
    return total;
  }

  ObjectProvider<JourneySignals> signalsProvider() {
    return new StaticListableBeanFactory(Map.of("signals", signals)).getBeanProvider(JourneySignals.class);
  }

  /** A consumer of {@code key}: not the default stream, which running applications in the same JVM consume. */
  StreamIngestConsumer consumer(String key, String name, Duration minIdle) {
    IngestProperties.Stream stream =
        new IngestProperties.Stream(
            true, key, "jornada", name, 1, 100, Duration.ofMillis(100), minIdle, key + ":rejected");
    return new StreamIngestConsumer(redis, ingestor, validator, json, stream, name, Clock.systemUTC());
  }
}
