package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jornada.scoring.LeadScore;
import io.jornada.scoring.LeadScoring;
import io.jornada.scoring.RedisLeadScoreStore;
import io.jornada.scoring.RescoreQueue;
import io.jornada.scoring.Rescorer;
import io.jornada.scoring.StoredScore;
import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import redis.clients.jedis.RedisClient;

/**
 * What an ingested event's re-score changes reaches journeys through the lead package: an ingested
 * event makes its lead due for a re-score; the re-score appends its threshold crossing to the
 * journey outbox, which the publisher delivers at least once, also when the engine could not take
 * it at first; and its band moves the lead's segments. Here (not in {@code scoring}) because it
 * drives the package-private ingest path and publisher, with scoring's re-score queue as the event
 * listener.
 */
@ExtendWith(RedisServerExtension.class)
class ScoreCrossingOutboxTest {

  private static final String GROUP = "jornada";

  private RedisClient redis;
  private IngestFixture fixture;
  private RedisLeadScoreStore scores;
  private LeadScoring scoring;
  private Rescorer rescorer;
  private EventIngestor ingestor;
  private volatile double next = 0.1;

  @BeforeEach
  void setUp(RedisServer server) {
    redis = RedisClient.create(URI.create(server.url()));
    fixture = new IngestFixture(redis);
    fixture.store.upsert(RedisLeadStateStoreTest.lead("ana"));
    fixture.signals.notCaught.addAll(List.of("segment-entered", "segment-exited"));
    scores = new RedisLeadScoreStore(redis, fixture.json, fixture.outbox);
    scoring = new LeadScoring(
        fixture.store,
        lead -> new LeadScore(next, next >= 0.6 ? "A" : "D", List.of(new LeadScore.Reason("count_form_submit", 1, 1.25)), "v7"),
        scores,
        new RedisSalesQueue(redis, fixture.json),
        new JourneyPorts(fixture.signalsProvider())::catches,
        fixture.segmentation::reevaluate,
        0.6,
        0.2,
        CorrelationProperties.defaults().timeToLive(),
        Clock.systemUTC());
    RescoreQueue queue = new RescoreQueue(redis, "test:crossing:due", Duration.ZERO, Clock.systemUTC());
    rescorer = new Rescorer(queue, scoring, 100, Duration.ofSeconds(30), "test", Clock.systemUTC());
    ingestor = new EventIngestor(
        fixture.store,
        fixture.segmentation,
        CorrelationProperties.defaults(),
        LeadProperties.defaults(),
        fixture.signalsProvider(),
        new StaticListableBeanFactory(Map.of("rescore", (LeadEventListener) queue)).getBeanProvider(LeadEventListener.class),
        Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void shouldDeliverACrossingAppendedWhileTheEngineCouldNotTakeIt() {
    // given a lead scored cold, and no publisher running
    StoredScore cold = scoring.score("ana").orElseThrow();
    next = 0.7;

    // when an ingested event makes it hot, then the publisher starts while the engine is down
    ingestor.ingest(List.of(new LeadEvent("e-1", "ana", "page_view", Instant.now(), "web", Map.of())));
    int rescored = rescorer.pollOnce();
    long appended = redis.xlen(fixture.outbox.key());
    fixture.signals.failNext(1);
    OutboxPublisher publisher = fixture.publisher("p1", Duration.ofSeconds(30));
    assertThatThrownBy(publisher::pollOnce).isInstanceOf(IllegalStateException.class);
    List<JourneyMessage> whileDown = List.copyOf(fixture.signals.messages);
    int retried = publisher.pollOnce();

    // then: delivered once, as the crossing of the score now stored
    StoredScore hot = scores.find("ana").orElseThrow();
    assertThat(rescored).isEqualTo(1);
    assertThat(cold.probability()).isEqualTo(0.1);
    assertThat(hot.probability()).isEqualTo(0.7);
    assertThat(appended).isEqualTo(1);
    assertThat(whileDown).isEmpty();
    assertThat(retried).isEqualTo(1);
    assertThat(fixture.signals.named("lead-hot")).singleElement().satisfies(message -> {
      assertThat(message.leadId()).isEqualTo("ana");
      assertThat(message.messageId()).isEqualTo("lead-hot:ana:" + hot.scoredAt());
      assertThat(message.timeToLive()).isEqualTo(Duration.ofHours(1));
      assertThat(message.variables()).isEqualTo(
          Map.of("score", 0.7, "band", "A", "reasons", List.of("count_form_submit=1 (+1.25)"), "modelVersion", "v7"));
    });
    assertThat(redis.xlen(fixture.outbox.key())).isZero();
    assertThat(redis.xpending(fixture.outbox.key(), GROUP).getTotal()).isZero();
  }

  @Test
  void shouldMoveTheLeadToTheSegmentOfTheBandItsReScoreGave() {
    // given a lead never scored, whose next score is band A
    next = 0.7;

    // when an event is ingested, then the lead is re-scored
    ingestor.ingest(List.of(new LeadEvent("e-1", "ana", "page_view", Instant.now(), "web", Map.of())));
    Set<String> afterIngest = redis.smembers("jornada:lead:ana:segments");
    rescorer.pollOnce();

    // then: segmented at ingest with no score (band D), and again with the new band A
    assertThat(afterIngest).containsExactly("cold-awareness");
    assertThat(redis.smembers("jornada:lead:ana:segments")).containsExactly("hot-consideration");
    assertThat(redis.smembers("jornada:segment:cold-awareness")).doesNotContain("ana");
  }
}
