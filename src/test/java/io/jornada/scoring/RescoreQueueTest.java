package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.lead.Consent;
import io.jornada.lead.JourneyOutbox;
import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadProperties;
import io.jornada.lead.RedisLeadStateStore;
import io.jornada.lead.RedisSalesQueue;
import io.jornada.support.MovableClock;
import io.jornada.support.RedisServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Re-scoring after events, on a real Redis and a clock moved by hand: a lead's events until its
 * re-score become one re-score, a claimed batch belongs to one re-scorer until its lease ends, an
 * event during a re-score is scored too, and what follows the score (segments) hears of it.
 */
class RescoreQueueTest {

  /** Not the application's key: applications running in the same JVM re-score theirs. */
  private static final String KEY = "test:rescore:due";
  private static final Duration DELAY = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static RedisClient redis;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T12:00:00Z"));
  private final RescoreQueue queue = new RescoreQueue(redis, KEY, DELAY, clock);
  private final RedisLeadStateStore leads =
      new RedisLeadStateStore(redis, LeadProperties.defaults(), new ObjectMapper(), clock);
  private final RedisLeadScoreStore scores =
      new RedisLeadScoreStore(redis, new ObjectMapper(), new JourneyOutbox("test:rescore:outbox"));
  /** What scoring said it stored: leadId → score id. */
  private final Map<String, String> stored = new ConcurrentHashMap<>();

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
    redis.del(KEY);
    // An earlier test's scores would satisfy "scored" without this test scoring anything.
    List.of("rq-ana", "rq-bia", "rq-bad").forEach(id -> redis.del(RedisLeadScoreStore.key(id)));
  }

  @Test
  void shouldMakeALeadDueOnceForABurstOfEvents() {
    // given a lead's event, then more of its events within the delay
    queue.eventsRecorded(List.of(event("e-1", "ana"), event("e-2", "bia")));
    clock.advance(Duration.ofMillis(600));
    queue.eventsRecorded(List.of(event("e-3", "ana")));
    clock.advance(Duration.ofMillis(300));
    queue.eventRecorded(event("e-4", "ana"));

    // when the delay after the first event has not ended, then has
    RescoreQueue.Claim early = queue.claim(10, LEASE);
    clock.advance(Duration.ofMillis(100));
    RescoreQueue.Claim due = queue.claim(10, LEASE);

    // then: nothing before, each lead once after, and the earliest next due when nothing was due
    assertThat(early.leadIds()).isEmpty();
    assertThat(early.nextDueMillis()).isEqualTo(Instant.parse("2026-11-30T12:00:01Z").toEpochMilli());
    assertThat(due.leadIds()).containsExactlyInAnyOrder("ana", "bia");
  }

  @Test
  void shouldClaimAtMostTheBatchAndNeverTheSameLeadTwiceWithinItsLease() {
    // given three due leads
    queue.eventsRecorded(List.of(event("e-1", "ana"), event("e-2", "bia"), event("e-3", "caio")));
    clock.advance(DELAY);

    // when two re-scorers claim two each
    RescoreQueue.Claim first = queue.claim(2, LEASE);
    RescoreQueue.Claim second = queue.claim(2, LEASE);
    RescoreQueue.Claim third = queue.claim(2, LEASE);

    // then
    assertThat(first.leadIds()).hasSize(2);
    assertThat(second.leadIds()).hasSize(1).doesNotContainAnyElementsOf(first.leadIds());
    assertThat(third.leadIds()).isEmpty();
    assertThat(third.nextDueMillis()).isEqualTo(first.leaseUntilMillis());
  }

  @Test
  void shouldGiveADeadReScorersLeadsToAnotherWhenTheLeaseEnds() {
    // given a claimed batch whose re-scorer never says it is done
    queue.eventRecorded(event("e-1", "ana"));
    clock.advance(DELAY);
    RescoreQueue.Claim lost = queue.claim(10, LEASE);

    // when the lease ends
    clock.advance(LEASE.minusMillis(1));
    RescoreQueue.Claim during = queue.claim(10, LEASE);
    clock.advance(Duration.ofMillis(1));
    RescoreQueue.Claim after = queue.claim(10, LEASE);

    // then
    assertThat(lost.leadIds()).containsExactly("ana");
    assertThat(during.leadIds()).isEmpty();
    assertThat(after.leadIds()).containsExactly("ana");
  }

  @Test
  void shouldKeepALeadWithAnEventDuringItsReScore() {
    // given two leads claimed, and a new event of one while they are re-scored
    queue.eventsRecorded(List.of(event("e-1", "ana"), event("e-2", "bia")));
    clock.advance(DELAY);
    RescoreQueue.Claim claim = queue.claim(10, LEASE);
    queue.eventRecorded(event("e-3", "ana"));

    // when the re-score is done
    queue.done(claim);

    // then: only the lead with the new event is left, due a delay after that event
    assertThat(queue.size()).isEqualTo(1);
    clock.advance(DELAY);
    assertThat(queue.claim(10, LEASE).leadIds()).containsExactly("ana");
  }

  @Test
  void shouldReScoreEachDueLeadOnceWithTheStateAfterItsEvents() {
    // given two known leads and one unknown, with several events each, and a scorer that counts
    known("rq-ana", "rq-bia");
    List<String> scored = new CopyOnWriteArrayList<>();
    Rescorer rescorer = rescorer(lead -> {
      scored.add(lead.leadId() + ":" + lead.count("page_view"));
      return new LeadScore(0.3, "C", List.of(), "v1");
    });
    for (int i = 0; i < 3; i++) {
      for (String id : List.of("rq-ana", "rq-bia", "rq-404")) {
        LeadEvent event = new LeadEvent("rq-" + id + "-" + i, id, "page_view", clock.instant(), "web", Map.of());
        if (!id.equals("rq-404")) {
          leads.record(event);
        }
        queue.eventRecorded(event);
      }
    }

    // when the re-scorer polls before the delay ended, then after
    int early = rescorer.pollOnce();
    clock.advance(DELAY);
    int due = rescorer.pollOnce();
    int again = rescorer.pollOnce();

    // then: one re-score per known lead, of its state after all three events; the queue is empty
    assertThat(early).isZero();
    assertThat(due).isEqualTo(3);
    assertThat(again).isZero();
    assertThat(scored).containsExactlyInAnyOrder("rq-ana:3", "rq-bia:3");
    assertThat(stored).containsOnlyKeys("rq-ana", "rq-bia")
        .containsEntry("rq-ana", "score:rq-ana:" + clock.instant());
    assertThat(scores.find("rq-ana")).hasValueSatisfying(score -> assertThat(score.probability()).isEqualTo(0.3));
    assertThat(queue.size()).isZero();
  }

  @Test
  void shouldReScoreTheRestOfABatchWhenOneLeadCannotBeScored() {
    // given three due leads, one of which the scorer cannot score
    dueAndKnown("rq-ana", "rq-bad", "rq-bia");
    Rescorer rescorer = rescorer(lead -> {
      if (lead.leadId().equals("rq-bad")) {
        throw new IllegalStateException("a feature no model can read");
      }
      return new LeadScore(0.3, "C", List.of(), "v1");
    });
    clock.advance(DELAY);

    // when
    int rescored = rescorer.pollOnce();

    // then: the others are scored, and the batch is done (the bad lead waits for its next event)
    assertThat(rescored).isEqualTo(3);
    assertThat(scores.find("rq-ana")).isPresent();
    assertThat(scores.find("rq-bia")).isPresent();
    assertThat(scores.find("rq-bad")).isEmpty();
    assertThat(queue.size()).isZero();
  }

  @Test
  void shouldLeaveTheBatchLeasedWhenNoLeadOfItCanBeScored() {
    // given two due leads and a scorer that fails for every lead (as when Redis is unreachable)
    dueAndKnown("rq-ana", "rq-bia");
    Rescorer rescorer = rescorer(lead -> {
      throw new IllegalStateException("down");
    });
    clock.advance(DELAY);

    // when / then: the failure is thrown (the runner backs off), and the leads come back after the lease
    assertThatThrownBy(rescorer::pollOnce).isInstanceOf(IllegalStateException.class);
    assertThat(queue.claim(10, LEASE).leadIds()).isEmpty();
    clock.advance(LEASE);
    assertThat(queue.claim(10, LEASE).leadIds()).containsExactlyInAnyOrder("rq-ana", "rq-bia");
  }

  private void known(String... leadIds) {
    for (String id : leadIds) {
      leads.upsert(new LeadProfile(id, "Ana", null, null, null, null, 10, "organic", "awareness", Consent.none(), null,
          Map.of(), Instant.now(), null));
    }
  }

  /** Known leads, each with an event that made it due. */
  private void dueAndKnown(String... leadIds) {
    known(leadIds);
    for (String id : leadIds) {
      queue.eventRecorded(event("rq-" + id, id));
    }
  }

  /** A re-scorer of this test's queue, with scores from {@code scorer}, batches of 10. */
  private Rescorer rescorer(LeadScorer scorer) {
    LeadScoring scoring = new LeadScoring(leads, scorer, scores, new RedisSalesQueue(redis, new ObjectMapper()),
        name -> false, stored::putAll, 0.6, 0.2, Duration.ofHours(1), clock);
    return new Rescorer(queue, scoring, 10, LEASE, "test", clock);
  }

  private static LeadEvent event(String eventId, String leadId) {
    return new LeadEvent(eventId, leadId, "page_view", Instant.now(), "web", Map.of());
  }
}
