package io.jornada.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import redis.clients.jedis.RedisClient;

/** The ingestion path wired by hand on a real Redis, with a recording journey port and event listener. */
final class IngestFixture {

  final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  final RecordingJourneySignals signals = new RecordingJourneySignals();
  final List<LeadEvent> heard = new CopyOnWriteArrayList<>();
  final RedisLeadStateStore store;
  final RedisSegments segments;
  final EventIngestor ingestor;
  final EventValidator validator;
  private final RedisClient redis;

  IngestFixture(RedisClient redis) {
    this.redis = redis;
    this.store = new RedisLeadStateStore(redis, LeadProperties.defaults(), json, Clock.systemUTC());
    this.segments = new RedisSegments(redis);
    this.validator = new EventValidator(IngestProperties.defaults(), json);
    this.ingestor =
        new EventIngestor(
            store,
            SegmentRules.fromClasspath(),
            segments,
            CorrelationProperties.defaults(),
            LeadProperties.defaults(),
            new StaticListableBeanFactory(Map.of("signals", signals)).getBeanProvider(JourneySignals.class),
            new StaticListableBeanFactory(Map.of("listener", (LeadEventListener) heard::add)).getBeanProvider(LeadEventListener.class),
            Clock.systemUTC());
  }

  /** A consumer of {@code key}: not the default stream, which running applications in the same JVM consume. */
  StreamIngestConsumer consumer(String key, String name, Duration minIdle) {
    IngestProperties.Stream stream =
        new IngestProperties.Stream(
            true, key, "jornada", name, 1, 100, Duration.ofMillis(100), minIdle, key + ":rejected");
    return new StreamIngestConsumer(redis, ingestor, validator, json, stream, name, Clock.systemUTC());
  }
}
