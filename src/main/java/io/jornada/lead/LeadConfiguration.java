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
  JourneyOutbox journeyOutbox(CorrelationProperties correlation) {
    return new JourneyOutbox(correlation.outbox().key());
  }

  @Bean
  RedisLeadStateStore leadStateStore(
      RedisClient redis,
      LeadProperties properties,
      EngagementProperties engagement,
      JourneyOutbox outbox,
      ObjectMapper json) {
    // The wall clock, deliberately not a Clock bean: an engine's virtual clock must not date leads.
    return new RedisLeadStateStore(redis, properties, engagement, outbox, json, Clock.systemUTC());
  }

  @Bean
  RedisSalesQueue salesQueue(RedisClient redis, ObjectMapper json) {
    return new RedisSalesQueue(redis, json);
  }

  @Bean
  RedisSegments segments(RedisClient redis, JourneyOutbox outbox) {
    return new RedisSegments(redis, outbox.key());
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
  Segmentation segmentation(
      RedisSegments segments, CorrelationProperties correlation, ObjectProvider<JourneySignals> signals) {
    return new Segmentation(SegmentRules.fromClasspath(), segments, correlation, signals);
  }

  @Bean
  EventIngestor eventIngestor(
      RedisLeadStateStore store,
      Segmentation segmentation,
      CorrelationProperties correlation,
      LeadProperties properties,
      ObjectProvider<JourneySignals> signals,
      ObjectProvider<LeadEventListener> listeners) {
    return new EventIngestor(
        store, segmentation, correlation, properties, signals, listeners, Clock.systemUTC());
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
  PollingRunner streamIngestRunner(
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
    return new PollingRunner("stream-ingest", consumers);
  }

  @Bean
  @ConditionalOnProperty(name = "jornada.lead.correlation.outbox.enabled", havingValue = "true", matchIfMissing = true)
  PollingRunner journeyOutboxRunner(
      RedisClient redis,
      JourneyOutbox outbox,
      CorrelationProperties correlation,
      ObjectProvider<JourneySignals> signals) {
    CorrelationProperties.Outbox settings = correlation.outbox();
    String name = settings.consumer().isBlank() ? hostAndPid() : settings.consumer();
    return new PollingRunner("journey-outbox", List.of(new OutboxPublisher(redis, outbox, settings, signals, name, Clock.systemUTC())));
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
