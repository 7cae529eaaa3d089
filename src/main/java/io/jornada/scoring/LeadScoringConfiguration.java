package io.jornada.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.lead.LeadStateStore;
import io.jornada.lead.SalesQueue;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/**
 * Serving side of scoring: scores stored on leads in Redis, re-scoring on every lead event, and
 * triggers. Separate from {@link ScoringConfiguration} so that the model can be loaded without
 * Redis.
 */
@Configuration(proxyBeanMethods = false)
class LeadScoringConfiguration {

  @Bean
  RedisLeadScoreStore leadScoreStore(RedisClient redis, ObjectMapper json) {
    return new RedisLeadScoreStore(redis, json);
  }

  /** Dated by the wall clock, like lead state: an engine's virtual clock must not date scores. */
  @Bean
  LeadScoring leadScoring(
      LeadStateStore leads,
      LeadScorer scorer,
      LeadScoreStore scores,
      SalesQueue salesQueue,
      ObjectProvider<ScoreTriggers> triggers,
      ScoringProperties properties) {
    ScoringProperties.Triggers thresholds = properties.triggers();
    return new LeadScoring(
        leads, scorer, scores, salesQueue, new ProvidedTriggers(triggers), thresholds.hot(),
        thresholds.cooling(), Clock.systemUTC());
  }

  /** The journey's triggers when the application has them; nothing is published otherwise. */
  private record ProvidedTriggers(ObjectProvider<ScoreTriggers> provider) implements ScoreTriggers {

    @Override
    public void leadHot(StoredScore score) {
      provider.orderedStream().forEach(t -> t.leadHot(score));
    }

    @Override
    public void leadCooling(StoredScore score) {
      provider.orderedStream().forEach(t -> t.leadCooling(score));
    }
  }
}
