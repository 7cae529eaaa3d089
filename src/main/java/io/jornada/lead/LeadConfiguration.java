package io.jornada.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import redis.clients.jedis.RedisClient;

/** Lead state, sales queue and the lead service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadProperties.class)
@Import(RedisConfiguration.class)
public class LeadConfiguration {

  @Bean
  RedisLeadStateStore leadStateStore(
      RedisClient redis, LeadProperties properties, ObjectMapper json) {
    // The wall clock, deliberately not a Clock bean: an engine's virtual clock must not date leads.
    return new RedisLeadStateStore(redis, properties, json, Clock.systemUTC());
  }

  @Bean
  RedisSalesQueue salesQueue(RedisClient redis, ObjectMapper json) {
    return new RedisSalesQueue(redis, json);
  }

  @Bean
  LeadService leadService(
      RedisLeadStateStore store,
      SalesQueue salesQueue,
      LeadProperties properties,
      ObjectProvider<JourneySignals> signals,
      ObjectProvider<LeadEventListener> listeners) {
    return new LeadService(store, salesQueue, properties, signals, listeners, Clock.systemUTC());
  }
}
