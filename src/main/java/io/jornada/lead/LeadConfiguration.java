package io.jornada.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import redis.clients.jedis.RedisClient;

/** Lead state, event ingestion (HTTP and stream), segments, sales queue and the lead service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  LeadProperties.class,
  EngagementProperties.class,
  IngestProperties.class,
  CorrelationProperties.class
})
@Import(RedisConfiguration.class)
public class LeadConfiguration {

  @Bean
  RedisLeadStateStore leadStateStore(
      RedisClient redis, LeadProperties properties, EngagementProperties engagement, ObjectMapper json) {
    // The wall clock, deliberately not a Clock bean: an engine's virtual clock must not date leads.
    return new RedisLeadStateStore(redis, properties, engagement, json, Clock.systemUTC());
  }

  @Bean
  RedisSalesQueue salesQueue(RedisClient redis, ObjectMapper json) {
    return new RedisSalesQueue(redis, json);
  }

  @Bean
  RedisSegments segments(RedisClient redis) {
    return new RedisSegments(redis);
  }

  @Bean
  EventValidator eventValidator(IngestProperties properties, ObjectMapper json) {
    return new EventValidator(properties, json);
  }

  @Bean
  EventBatchReader eventBatchReader(EventValidator validator, ObjectMapper json, IngestProperties properties) {
    return new EventBatchReader(validator, json, properties);
  }

  @Bean
  EventIngestor eventIngestor(
      RedisLeadStateStore store,
      RedisSegments segments,
      CorrelationProperties correlation,
      LeadProperties properties,
      ObjectProvider<JourneySignals> signals,
      ObjectProvider<LeadEventListener> listeners) {
    return new EventIngestor(
        store, SegmentRules.fromClasspath(), segments, correlation, properties, signals, listeners, Clock.systemUTC());
  }

  @Bean
  LeadService leadService(
      RedisLeadStateStore store,
      EventIngestor ingestor,
      SalesQueue salesQueue,
      ObjectProvider<JourneySignals> signals) {
    return new LeadService(store, ingestor, salesQueue, signals);
  }

  @Bean
  @ConditionalOnProperty(name = "jornada.lead.ingest.stream.enabled", havingValue = "true", matchIfMissing = true)
  StreamIngestRunner streamIngestRunner(
      RedisClient redis,
      EventIngestor ingestor,
      EventValidator validator,
      ObjectMapper json,
      IngestProperties properties) {
    IngestProperties.Stream stream = properties.stream();
    String prefix = stream.consumer().isBlank() ? hostAndPid() : stream.consumer();
    List<StreamIngestConsumer> consumers = new ArrayList<>();
    for (int i = 0; i < stream.consumers(); i++) {
      consumers.add(
          new StreamIngestConsumer(redis, ingestor, validator, json, stream, prefix + "-" + i, Clock.systemUTC()));
    }
    return new StreamIngestRunner(consumers);
  }

  private static String hostAndPid() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "jornada";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
