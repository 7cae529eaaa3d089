package io.jornada.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.lead.LeadStateStore;
import io.jornada.lead.SalesQueue;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/**
 * Composition root of scoring: the registry, a model (bootstrapped when the registry is empty) and
 * the {@link LeadScorer}. Uses the application's {@link Clock} bean when there is one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringProperties.class)
class ScoringConfiguration {

  @Bean
  ModelRegistry modelRegistry(ScoringProperties properties) {
    return new ModelRegistry(properties.modelDir());
  }

  /** Closed by Spring at shutdown, which frees the native booster. */
  @Bean
  LeadScorer leadScorer(
      ModelRegistry registry, ScoringProperties properties, ObjectProvider<Clock> clockProvider) {
    Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
    LoadedModel model = new BootstrapTraining(registry, properties.bootstrap(), properties.training().toParameters(), clock).latestOrTrain();
    return new XGBoostLeadScorer(model, properties.bands().toScoreBands(), clock);
  }
}
