package io.jornada.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.exception.JobError;
import io.jornada.lead.JourneyOutbox;
import io.jornada.lead.RedisSalesQueue;
import io.jornada.scoring.LeadScore;
import io.jornada.scoring.LeadScore.Reason;
import io.jornada.scoring.LeadScorer;
import io.jornada.scoring.LeadScoring;
import io.jornada.scoring.RedisLeadScoreStore;
import io.jornada.support.RedisServer;
import io.jornada.workers.ScoreLeadWorker.Input;
import io.jornada.workers.ScoreLeadWorker.Output;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class ScoreLeadWorkerTest {

  private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
  private static final JourneyOutbox OUTBOX = new JourneyOutbox("test:score-lead-worker:outbox");

  private static RedisClient redis;

  @BeforeAll
  static void connect() {
    redis = RedisClient.builder().fromURI(RedisServer.shared().url()).build();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void flush() {
    RedisServer.shared().flushAll();
  }

  @Test
  void shouldReturnAndStoreScoreBandReasonsAndModelVersion() {
    // given a scorer that reads the lead's pricing views
    var scores = new RedisLeadScoreStore(redis, new ObjectMapper().findAndRegisterModules(), OUTBOX);
    var worker =
        worker(
            new InMemoryLeads().with(InMemoryLeads.ana()),
            scores,
            lead ->
                new LeadScore(
                    0.72,
                    "B",
                    List.of(
                        new Reason("count_pricing_view", lead.count("pricing_view"), 0.83),
                        new Reason("days_since_created", 12.5, -0.2)),
                    "xgb-7"));

    // when
    Output output = worker.scoreLead(new Input("lead-1"));

    // then
    assertThat(output)
        .isEqualTo(
            new Output(
                0.72, "B", List.of("count_pricing_view=5 (+0.83)", "days_since_created=12.50 (-0.20)"), "xgb-7"));
    assertThat(scores.find("lead-1")).hasValueSatisfying(stored -> {
      assertThat(stored.probability()).isEqualTo(0.72);
      assertThat(stored.modelVersion()).isEqualTo("xgb-7");
      assertThat(stored.scoredAt()).isEqualTo(NOW);
    });
  }

  @Test
  void shouldFailTheJobWithoutRetriesWhenTheLeadIsUnknown() {
    // given
    var worker =
        worker(
            new InMemoryLeads(),
            new RedisLeadScoreStore(redis, new ObjectMapper(), OUTBOX),
            lead -> new LeadScore(0.1, "D", List.of(), "xgb-7"));

    // when / then
    assertThatThrownBy(() -> worker.scoreLead(new Input("lead-404")))
        .isInstanceOfSatisfying(JobError.class, error -> assertThat(error.getRetries()).isZero());
  }

  private static ScoreLeadWorker worker(InMemoryLeads leads, RedisLeadScoreStore scores, LeadScorer scorer) {
    return new ScoreLeadWorker(
        new LeadScoring(
            leads, scorer, scores, new RedisSalesQueue(redis, new ObjectMapper()), name -> false, stored -> {}, 0.6, 0.2,
            Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC)));
  }
}
