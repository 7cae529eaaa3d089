package io.jornada.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.lead.CorrelationProperties;
import io.jornada.lead.JourneyOutbox;
import io.jornada.lead.JourneyPorts;
import io.jornada.lead.JourneySignals;
import io.jornada.lead.LeadStateStore;
import io.jornada.lead.PollingRunner;
import io.jornada.lead.SalesQueue;
import io.jornada.lead.Segmentation;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/**
 * Serving side of scoring: scores stored on leads in Redis, re-scoring after lead events, and
 * threshold crossings appended to the lead package's journey outbox. Separate from {@link
 * ScoringConfiguration} so that the model can be loaded without Redis.
 */
@Configuration(proxyBeanMethods = false)
class LeadScoringConfiguration {

  @Bean
  RedisLeadScoreStore leadScoreStore(RedisClient redis, ObjectMapper json, JourneyOutbox outbox) {
    return new RedisLeadScoreStore(redis, json, outbox);
  }

  /**
   * Dated by the wall clock, like lead state: an engine's virtual clock must not date scores. The
   * lead's segments are re-evaluated after each score, as they read its band. A crossing's message
   * lives as long as any other journey message ({@code jornada.lead.correlation.time-to-live});
   * without journeys, no crossing appends anything.
   */
  @Bean
  LeadScoring leadScoring(
      LeadStateStore leads,
      LeadScorer scorer,
      LeadScoreStore scores,
      SalesQueue salesQueue,
      ObjectProvider<JourneySignals> journeys,
      Segmentation segmentation,
      CorrelationProperties correlation,
      ScoringProperties properties) {
    ScoringProperties.Triggers thresholds = properties.triggers();
    return new LeadScoring(
        leads, scorer, scores, salesQueue, new JourneyPorts(journeys)::catches, segmentation::reevaluate,
        thresholds.hot(), thresholds.cooling(), correlation.timeToLive(), Clock.systemUTC());
  }

  /** Hears every ingested batch and marks its leads due for a re-score. */
  @Bean
  RescoreQueue rescoreQueue(RedisClient redis, ScoringProperties properties) {
    return new RescoreQueue(redis, RescoreQueue.KEY, properties.rescore().delay(), Clock.systemUTC());
  }

  /** One re-scorer per node; nodes share the queue, each batch claimed by one. */
  @Bean
  PollingRunner rescoreRunner(RescoreQueue queue, LeadScoring scoring, ScoringProperties properties) {
    ScoringProperties.Rescore rescore = properties.rescore();
    return new PollingRunner("rescore", List.of(
        new Rescorer(queue, scoring, rescore.batchSize(), rescore.lease(), "rescorer", Clock.systemUTC())));
  }
}
