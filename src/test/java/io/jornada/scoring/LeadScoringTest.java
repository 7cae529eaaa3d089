package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.lead.Consent;
import io.jornada.lead.JourneyOutbox;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadProperties;
import io.jornada.lead.RedisLeadStateStore;
import io.jornada.lead.RedisSalesQueue;
import io.jornada.support.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Re-scoring around the scorer, on a real redis-server: the stored score, the sales queue, and the
 * crossings appended to the journey outbox atomically with the score.
 */
class LeadScoringTest {

  private static final JourneyOutbox OUTBOX = new JourneyOutbox("test:lead-scoring:outbox");

  private static RedisClient redis;
  private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
  private final RedisLeadStateStore leads =
      new RedisLeadStateStore(redis, LeadProperties.defaults(), json, Clock.systemUTC());
  private final RedisSalesQueue salesQueue = new RedisSalesQueue(redis, json);
  private final RedisLeadScoreStore scores = new RedisLeadScoreStore(redis, json, OUTBOX);
  /** The message names the deployed journeys catch: lead-nurture's, by default. */
  private final Set<String> caught = new CopyOnWriteArraySet<>(Set.of("lead-hot", "lead-engaged"));

  /** The scorer answers whatever the test sets: scoring here is about what happens around it. */
  private volatile double next = 0.1;
  /** What scoring said it stored: leadId → score id. */
  private final Map<String, String> stored = new java.util.concurrent.ConcurrentHashMap<>();
  /** Per lead, a probability that overrides {@link #next}. */
  private final Map<String, Double> nextOf = new java.util.concurrent.ConcurrentHashMap<>();


  @BeforeAll
  static void connect() {
    redis = RedisClient.builder().fromURI(RedisServer.shared().url()).build();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void given() {
    RedisServer.shared().flushAll();
    leads.upsert(new LeadProfile("lead-1", "Ana Souza", "ana@example.com", "+5511912345678", "Campinas",
        "Souza Ltda", 120, "referral", "decision", new Consent(true, true, false), "whatsapp", Map.of(),
        Instant.now(), null));
  }

  @Test
  void shouldStoreTheScoreOnTheLeadAndSaySo() {
    // when
    StoredScore score = scoring().score("lead-1").orElseThrow();

    // then
    assertThat(redis.hgetAll("jornada:lead:lead-1:score"))
        .containsEntry("probability", "0.1").containsEntry("band", "D").containsEntry("modelVersion", "v0042")
        .containsKeys("reasons", "scoredAt");
    assertThat(stored).containsExactly(Map.entry("lead-1", "score:lead-1:" + score.scoredAt()));
    assertThat(scores.find("lead-1")).hasValueSatisfying(s -> assertThat(s.reasons())
        .containsExactly(new LeadScore.Reason("count_pricing_view", 3, 0.5)));
  }

  @Test
  void shouldAppendLeadHotToTheJourneyOutboxOnlyWhenTheScoreCrossesUpward() throws Exception {
    // given a lead scored cold once
    LeadScoring scoring = scoring();
    scoring.score("lead-1");

    // when it heats up, then stays hot
    next = 0.7;
    StoredScore crossing = scoring.score("lead-1").orElseThrow();
    next = 0.8;
    scoring.score("lead-1");

    // then: one entry, in the outbox's format, with the score that crossed
    assertThat(outbox()).singleElement().satisfies(entry -> {
      Map<String, String> fields = entry.getFields();
      assertThat(fields).containsEntry("name", "lead-hot").containsEntry("key", "lead-1")
          .containsEntry("id", "lead-hot:lead-1:" + crossing.scoredAt()).containsEntry("ttl", "3600000")
          .containsEntry("merge", "0");
      // a plain mapper: the Scala module findAndRegisterModules finds reads arrays as Scala lists
      assertThat(new ObjectMapper().readValue(fields.get("variables"), Map.class)).isEqualTo(Map.of(
          "score", 0.7, "band", "A", "reasons", List.of("count_pricing_view=3 (+0.50)"), "modelVersion", "v0042"));
    });
  }

  @Test
  void shouldAppendNothingForAReScoreThatCrossesNothing() {
    // given
    LeadScoring scoring = scoring();
    scoring.score("lead-1");

    // when it warms up without reaching hot, then is scored the same again
    next = 0.5;
    scoring.score("lead-1");
    scoring.score("lead-1");

    // then
    assertThat(outbox()).isEmpty();
    assertThat(scores.find("lead-1")).hasValueSatisfying(s -> assertThat(s.probability()).isEqualTo(0.5));
  }

  @Test
  void shouldAppendNoLeadCoolingWhenNoJourneyCatchesIt() {
    // given: lead-nurture does not catch lead-cooling
    LeadScoring scoring = scoring();
    next = 0.3;
    scoring.score("lead-1");

    // when
    next = 0.15;
    scoring.score("lead-1");

    // then
    assertThat(outbox()).isEmpty();
  }

  @Test
  void shouldAppendLeadCoolingOnceWhenAJourneyCatchesIt() {
    // given
    caught.add("lead-cooling");
    LeadScoring scoring = scoring();
    next = 0.3;
    scoring.score("lead-1");

    // when it falls below the threshold, then further
    next = 0.15;
    scoring.score("lead-1");
    next = 0.1;
    scoring.score("lead-1");

    // then
    assertThat(outbox()).singleElement().satisfies(entry -> assertThat(entry.getFields())
        .containsEntry("name", "lead-cooling").containsEntry("key", "lead-1"));
  }

  @Test
  void shouldAppendNothingForAFirstScore() {
    // when
    next = 0.9;
    scoring().score("lead-1");

    // then
    assertThat(outbox()).isEmpty();
  }

  @Test
  void shouldStoreNeitherTheScoreNorItsCrossingWhenTheOutboxCannotBeAppendedTo() {
    // given a lead scored cold, and an outbox key that is not a stream
    LeadScoring scoring = scoring();
    scoring.score("lead-1");
    redis.set(OUTBOX.key(), "not a stream");

    // when a crossing re-score fails to append
    next = 0.7;
    assertThatThrownBy(() -> scoring.score("lead-1")).hasMessageContaining("WRONGTYPE");

    // then the previous score stands, so the crossing happens when the outbox is back
    assertThat(scores.find("lead-1")).hasValueSatisfying(s -> assertThat(s.probability()).isEqualTo(0.1));
    redis.del(OUTBOX.key());
    scoring.score("lead-1");
    assertThat(outbox()).singleElement().satisfies(entry -> assertThat(entry.getFields()).containsEntry("name", "lead-hot"));
  }

  @Test
  void shouldAppendTheCrossingOfABatchReScore() {
    // given
    LeadScoring scoring = scoring();
    scoring.score("lead-1");
    next = 0.65;

    // when
    scoring.rescoreAll(List.of("lead-1"));

    // then
    assertThat(outbox()).hasSize(1);
    assertThat(scores.find("lead-1")).hasValueSatisfying(s -> assertThat(s.probability()).isEqualTo(0.65));
  }

  @Test
  void shouldReScoreABatchOfLeadsTogether() {
    // given: lead-1 scored and queued for sales, lead-2 never scored, lead-404 unknown
    leads.upsert(new LeadProfile("lead-2", "Bia", "bia@example.com", null, null, null, 10, "organic", "awareness",
        Consent.none(), null, Map.of(), Instant.now(), null));
    LeadScoring scoring = scoring();
    scoring.score("lead-1");
    salesQueue.handOff("lead-1", 0.1, List.of("old"));
    next = 0.65;

    // when
    scoring.rescoreAll(List.of("lead-1", "lead-2", "lead-404"));

    // then: both scored and stored, the queue current, lead-1's crossing appended, lead-2 has no previous
    assertThat(scores.find("lead-1")).hasValueSatisfying(s -> assertThat(s.probability()).isEqualTo(0.65));
    assertThat(scores.find("lead-2")).hasValueSatisfying(s -> assertThat(s.probability()).isEqualTo(0.65));
    assertThat(redis.exists("jornada:lead:lead-404:score")).isFalse();
    assertThat(salesQueue.top(10)).singleElement().satisfies(h -> {
      assertThat(h.score()).isEqualTo(0.65);
      assertThat(h.reasons()).containsExactly("count_pricing_view=3 (+0.50)");
    });
    assertThat(outbox()).singleElement().satisfies(entry -> assertThat(entry.getFields())
        .containsEntry("name", "lead-hot").containsEntry("key", "lead-1"));
    assertThat(stored).containsOnlyKeys("lead-1", "lead-2");
  }

  @Test
  void shouldExplainABatchReScoreOnlyWhereTheReasonsAreRead() {
    // given: lead-1 scored (with reasons), lead-2 scored and queued for sales, lead-3 about to cross
    for (String id : List.of("lead-2", "lead-3")) {
      leads.upsert(new LeadProfile(id, "Bia", "bia@example.com", null, null, null, 10, "organic", "awareness",
          Consent.none(), null, Map.of(), Instant.now(), null));
    }
    LeadScoring scoring = scoring();
    next = 0.3;
    List.of("lead-1", "lead-2", "lead-3").forEach(scoring::score);
    salesQueue.handOff("lead-2", 0.3, List.of("old"));
    next = 0.5;
    scoring.score("lead-3");

    // when: a batch re-scores all three; lead-3 now crosses the hot threshold
    nextOf.put("lead-3", 0.7);
    scoring.rescoreAll(List.of("lead-1", "lead-2", "lead-3"));

    // then: lead-1's stored score is current but has no reasons (none of an older score either)
    assertThat(scores.find("lead-1")).hasValueSatisfying(s -> {
      assertThat(s.probability()).isEqualTo(0.5);
      assertThat(s.explained()).isFalse();
      assertThat(s.reasons()).isEmpty();
    });
    assertThat(redis.hget("jornada:lead:lead-1:score", "reasons")).isEmpty();
    // the queued lead's reasons are stored and shown to sales
    assertThat(scores.find("lead-2")).hasValueSatisfying(s -> assertThat(s.reasons()).isNotEmpty());
    assertThat(salesQueue.top(10)).singleElement().satisfies(h -> {
      assertThat(h.score()).isEqualTo(0.5);
      assertThat(h.reasons()).containsExactly("count_pricing_view=3 (+0.50)");
    });
    // the crossing was explained: its score has reasons, its message carries them
    assertThat(scores.find("lead-3")).hasValueSatisfying(s -> {
      assertThat(s.probability()).isEqualTo(0.7);
      assertThat(s.reasons()).isNotEmpty();
    });
    assertThat(outbox()).singleElement().satisfies(entry -> assertThat(entry.getFields())
        .containsEntry("name", "lead-hot").containsEntry("key", "lead-3")
        .hasEntrySatisfying("variables", v -> assertThat(v).contains("count_pricing_view=3 (+0.50)")));
  }

  @Test
  void shouldKeepAQueuedLeadsQueueScoreCurrent() {
    // given a lead handed off at 0.7 and another never handed off
    salesQueue.handOff("lead-1", 0.7, List.of("old"));

    // when
    next = 0.9;
    scoring().score("lead-1");

    // then
    assertThat(salesQueue.top(10)).singleElement().satisfies(h -> {
      assertThat(h.score()).isEqualTo(0.9);
      assertThat(h.reasons()).containsExactly("count_pricing_view=3 (+0.50)");
    });
  }

  @Test
  void shouldAppendOnceWhenConcurrentReScoresCross() throws Exception {
    // given
    LeadScoring scoring = scoring();
    scoring.score("lead-1");
    next = 0.75;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger done = new AtomicInteger();

    // when eight jobs and events re-score at once
    for (int i = 0; i < 8; i++) {
      pool.submit(() -> {
        scoring.score("lead-1");
        done.incrementAndGet();
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    // then
    assertThat(done).hasValue(8);
    assertThat(outbox()).hasSize(1);
  }

  @Test
  void shouldKeepScoringWhenRedisLostItsScripts() {
    // given
    LeadScoring scoring = scoring();
    scoring.score("lead-1");
    salesQueue.handOff("lead-1", 0.1, List.of("old"));

    // when Redis restarted without its script cache
    redis.scriptFlush();
    next = 0.7;
    scoring.rescoreAll(List.of("lead-1"));

    // then
    assertThat(scores.find("lead-1")).hasValueSatisfying(s -> assertThat(s.probability()).isEqualTo(0.7));
    assertThat(salesQueue.top(1)).singleElement().satisfies(h -> assertThat(h.score()).isEqualTo(0.7));
    assertThat(outbox()).hasSize(1);
  }

  @Test
  void shouldScoreNothingForAnUnknownLead() {
    assertThat(scoring().score("lead-404")).isEmpty();
    assertThat(redis.exists("jornada:lead:lead-404:score")).isFalse();
  }

  private List<StreamEntry> outbox() {
    return redis.xrange(OUTBOX.key(), "-", "+");
  }

  private LeadScoring scoring() {
    LeadScorer scorer = lead -> {
      double probability = nextOf.getOrDefault(lead.leadId(), next);
      return new LeadScore(probability, new ScoreBands(0.6, 0.35, 0.15).bandOf(probability),
          List.of(new LeadScore.Reason("count_pricing_view", 3, 0.5)), "v0042");
    };
    return new LeadScoring(
        leads, scorer, scores, salesQueue, caught::contains, stored::putAll, 0.6, 0.2, Duration.ofHours(1),
        Clock.tickMillis(ZoneOffset.UTC));
  }
}
