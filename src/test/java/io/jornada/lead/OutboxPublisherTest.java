package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jornada.support.MovableClock;
import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

@ExtendWith(RedisServerExtension.class)
class OutboxPublisherTest {

  private static final String GROUP = "jornada";

  private RedisClient redis;
  private IngestFixture fixture;

  @BeforeEach
  void setUp(RedisServer server) {
    redis = RedisClient.create(URI.create(server.url()));
    fixture = new IngestFixture(redis);
    fixture.store.upsert(RedisLeadStateStoreTest.lead("ana"));
    fixture.store.upsert(RedisLeadStateStoreTest.lead("bia"));
    // Only engagement messages here: segment messages have their own test.
    fixture.signals.notCaught.addAll(List.of("segment-entered", "segment-exited"));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void shouldPublishEachRecordedEngagementOnceAndEmptyTheOutbox() {
    // given
    fixture.ingestor.ingest(List.of(click("a-1", "ana"), event("a-2", "ana", "page_view"), click("b-1", "bia")));
    fixture.ingestor.ingest(List.of(click("a-1", "ana"))); // a redelivery

    // when
    int published = fixture.drainOutbox();

    // then
    assertThat(published).isEqualTo(2);
    assertThat(fixture.signals.engaged).containsExactlyInAnyOrder("a-1", "b-1");
    assertThat(fixture.signals.named("lead-engaged")).allSatisfy(m -> assertThat(m.timeToLive()).isEqualTo(Duration.ofHours(1)));
    assertThat(redis.xlen(fixture.outbox.key())).isZero();
    assertThat(redis.xpending(fixture.outbox.key(), GROUP).getTotal()).isZero();
  }

  @Test
  void shouldCoalesceTheEngagementsOfOneLeadInABatchIntoOnePublication() {
    // given: three clicks of one lead in a burst, one of another
    fixture.ingestor.ingest(List.of(click("a-1", "ana"), click("a-2", "ana"), click("b-1", "bia")));
    fixture.ingestor.ingest(List.of(click("a-3", "ana")));

    // when
    int acknowledged = fixture.drainOutbox();

    // then: one wake-up per lead, under the first event's id, telling the last engagement
    assertThat(acknowledged).isEqualTo(4);
    assertThat(fixture.signals.named("lead-engaged")).hasSize(2).anySatisfy(m -> {
      assertThat(m.leadId()).isEqualTo("ana");
      assertThat(m.messageId()).isEqualTo("a-1");
      assertThat(m.variables().get("lastEngagement")).isEqualTo(Map.of("eventId", "a-3", "type", "email_click", "channel", "email"));
    });
    assertThat(redis.xlen(fixture.outbox.key())).isZero();
  }

  @Test
  void shouldAppendOnlyMessagesADeployedJourneyCatches() {
    // given: no deployed journey waits for lead-engaged
    fixture.signals.notCaught.add("lead-engaged");
    fixture.signals.notCaught.removeAll(List.of("segment-entered", "segment-exited"));

    // when
    fixture.ingestor.ingest(List.of(click("a-1", "ana")));

    // then: the click is recorded, and only the segment change waits to be published
    assertThat(fixture.store.find("ana").orElseThrow().count("email_click")).isEqualTo(1);
    assertThat(redis.xrange(fixture.outbox.key(), "-", "+"))
        .extracting(e -> e.getFields().get("name") + " " + e.getFields().get("id"))
        .containsExactly("segment-entered a-1:segment-entered:cold-awareness");
  }

  @Test
  void shouldSetAMessageTheEngineRefusesAsideWithoutBlockingTheLeadsNextOnes() {
    // given: the engine refuses the first click's message for good
    fixture.ingestor.ingest(List.of(click("a-1", "ana")));
    fixture.signals.refused.add("a-1");
    OutboxPublisher publisher = fixture.publisher("p1", Duration.ofSeconds(30));

    // when
    int setAside = publisher.pollOnce();
    fixture.ingestor.ingest(List.of(click("a-2", "ana")));
    int published = fixture.drainOutbox();

    // then: the refused one is in the dead-letter stream with its reason; the next one went out
    assertThat(setAside).isEqualTo(1);
    assertThat(published).isEqualTo(1);
    assertThat(fixture.signals.engaged).containsExactly("a-2");
    assertThat(redis.xrange(fixture.outbox.key() + ":dead", "-", "+")).singleElement().satisfies(dead -> {
      assertThat(dead.getFields()).containsEntry("id", "a-1").containsEntry("name", "lead-engaged").containsEntry("key", "ana");
      assertThat(dead.getFields().get("reason")).contains("400");
    });
    assertThat(redis.xlen(fixture.outbox.key())).isZero();
    assertThat(redis.xpending(fixture.outbox.key(), GROUP).getTotal()).isZero();
  }

  @Test
  void shouldKeepAFailedPublicationPendingAndRetryIt() {
    // given: the engine does not answer the first publication
    fixture.ingestor.ingest(List.of(click("a-1", "ana")));
    fixture.signals.failNext(1);
    OutboxPublisher publisher = fixture.publisher("p1", Duration.ofSeconds(30));

    // when
    assertThatThrownBy(publisher::pollOnce).isInstanceOf(IllegalStateException.class);
    long pendingAfterFailure = redis.xpending(fixture.outbox.key(), GROUP).getTotal();
    int retried = publisher.pollOnce();

    // then
    assertThat(pendingAfterFailure).isEqualTo(1);
    assertThat(retried).isEqualTo(1);
    assertThat(fixture.signals.engaged).containsExactly("a-1");
    assertThat(redis.xpending(fixture.outbox.key(), GROUP).getTotal()).isZero();
    assertThat(redis.xlen(fixture.outbox.key())).isZero();
  }

  @Test
  void shouldKeepALeadsOrderWithoutMakingOtherLeadsWait() {
    // given: the engine has not answered a-1 yet
    CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
    fixture.signals.held.put("a-1", firstAnswer);
    OutboxPublisher publisher = fixture.publisher("p1", Duration.ofSeconds(30));
    fixture.ingestor.ingest(List.of(click("a-1", "ana")));
    int whileWaiting = publisher.pollOnce();

    // when: ana clicks again and bia clicks
    fixture.ingestor.ingest(List.of(click("a-2", "ana"), click("b-1", "bia")));
    int next = publisher.pollOnce();
    List<String> beforeTheAnswer = List.copyOf(fixture.signals.engaged);
    firstAnswer.complete(null);
    int afterTheAnswer = publisher.pollOnce();

    // then: bia went at once, ana's second click only after her first was accepted
    assertThat(whileWaiting).isZero();
    assertThat(next).isEqualTo(1);
    assertThat(beforeTheAnswer).containsExactly("a-1", "b-1");
    assertThat(afterTheAnswer).isEqualTo(2);
    assertThat(fixture.signals.engaged).containsExactly("a-1", "b-1", "a-2");
    assertThat(redis.xlen(fixture.outbox.key())).isZero();
  }

  @Test
  void shouldLeaveTheOutboxToOthersWithoutAJourneyPort() {
    // given: an application that runs no journeys
    fixture.ingestor.ingest(List.of(click("a-1", "ana")));
    CorrelationProperties.Outbox settings =
        new CorrelationProperties.Outbox(true, fixture.outbox.key(), GROUP, "lead-only", 100, Duration.ofMillis(10),
            Duration.ofSeconds(30), 8, Duration.ZERO);
    OutboxPublisher leadOnly = new OutboxPublisher(redis, fixture.outbox, settings,
        new StaticListableBeanFactory().getBeanProvider(JourneySignals.class), "lead-only", Clock.systemUTC());

    // when
    int acknowledged = leadOnly.pollOnce();

    // then: the entry waits, unread, for a publisher that can publish it
    assertThat(acknowledged).isZero();
    assertThat(redis.xlen(fixture.outbox.key())).isEqualTo(1);
    assertThat(fixture.drainOutbox()).isEqualTo(1);
    assertThat(fixture.signals.engaged).containsExactly("a-1");
  }

  @Test
  void shouldReclaimTheEntriesOfAPublisherThatDiedMidBatch() throws Exception {
    // given: a publisher read the outbox and died before the engine accepted anything
    OutboxPublisher survivor = fixture.publisher("survivor", Duration.ofMillis(200));
    survivor.pollOnce(); // creates the group
    fixture.ingestor.ingest(List.of(click("a-1", "ana"), click("b-1", "bia")));
    redis.xreadGroup(GROUP, "dead", XReadGroupParams.xReadGroupParams().count(100),
        Map.of(fixture.outbox.key(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));

    // when: the survivor finds nothing new, then reclaims once the entries are idle long enough
    int beforeIdle = survivor.pollOnce();
    Thread.sleep(300);
    int reclaimed = survivor.pollOnce();

    // then
    assertThat(beforeIdle).isZero();
    assertThat(reclaimed).isEqualTo(2);
    assertThat(fixture.signals.engaged).containsExactlyInAnyOrder("a-1", "b-1");
    assertThat(redis.xpending(fixture.outbox.key(), GROUP).getTotal()).isZero();
  }

  @Test
  void shouldPublishSegmentChangesOfALeadSeparatelyAndInOrder() {
    // given
    fixture.signals.notCaught.clear();
    fixture.store.upsert(inStage("ana", "awareness"));
    fixture.ingestor.ingest(List.of(event("s-1", "ana", "page_view")));
    redis.hset("jornada:lead:ana:score", "band", "A");
    fixture.store.upsert(inStage("ana", "decision"));
    fixture.ingestor.ingest(List.of(event("s-2", "ana", "form_submit")));

    // when
    fixture.drainOutbox();

    // then
    assertThat(fixture.signals.messages)
        .filteredOn(m -> m.name().startsWith("segment-"))
        .extracting(JourneyMessage::messageId)
        .containsExactly(
            "s-1:segment-entered:cold-awareness",
            "s-2:segment-exited:cold-awareness",
            "s-2:segment-entered:hot-decision");
  }

  private static LeadProfile inStage(String leadId, String funnelStage) {
    return new LeadProfile(leadId, "Ana Souza", "ana@example.com", null, null, null, 40, "organic", funnelStage,
        new Consent(true, false, false), null, Map.of(), null, null);
  }

  @Test
  void shouldWakeALeadsJourneyAtOnceThenAtMostOncePerWakeInterval() {
    // given: a publisher pacing wake-ups by 5 s, on a clock the test moves
    MovableClock clock = new MovableClock(Instant.parse("2026-03-02T12:00:00Z"));
    OutboxPublisher publisher = paced(clock);
    fixture.ingestor.ingest(List.of(click("a-1", "ana")));
    publisher.pollOnce();
    publisher.pollOnce();

    // when: ana clicks twice more within the interval, bia once
    fixture.ingestor.ingest(List.of(click("a-2", "ana")));
    publisher.pollOnce();
    fixture.ingestor.ingest(List.of(click("a-3", "ana"), click("b-1", "bia")));
    publisher.pollOnce();
    publisher.pollOnce();

    // then: the first click woke ana's journey at once, bia is not held back by ana, and ana's
    // later clicks wait, pending, for the interval's end
    assertThat(fixture.signals.engaged).containsExactly("a-1", "b-1");
    assertThat(redis.xlen(fixture.outbox.key())).isEqualTo(2);

    // when: the interval ends
    clock.advance(Duration.ofSeconds(5));
    publisher.pollOnce();
    publisher.pollOnce();

    // then: one publication for both, under the first one's id, telling the last engagement
    assertThat(fixture.signals.engaged).containsExactly("a-1", "b-1", "a-2");
    assertThat(fixture.signals.named("lead-engaged")).last().satisfies(m ->
        assertThat(m.variables().get("lastEngagement")).isEqualTo(Map.of("eventId", "a-3", "type", "email_click", "channel", "email")));
    assertThat(redis.xlen(fixture.outbox.key())).isZero();
    assertThat(redis.xpending(fixture.outbox.key(), GROUP).getTotal()).isZero();
  }

  @Test
  void shouldPublishPacedEntriesAfterThePublisherDied() {
    // given: a paced click pending with a publisher that then dies
    MovableClock clock = new MovableClock(Instant.parse("2026-03-02T12:00:00Z"));
    OutboxPublisher dying = paced(clock);
    fixture.ingestor.ingest(List.of(click("a-1", "ana")));
    dying.pollOnce();
    fixture.ingestor.ingest(List.of(click("a-2", "ana")));
    dying.pollOnce();
    dying.pollOnce();
    assertThat(fixture.signals.engaged).containsExactly("a-1");

    // when: the publisher starts again under its name
    OutboxPublisher restarted = paced(clock);
    restarted.pollOnce();
    restarted.pollOnce();

    // then: the pending click is published, not lost
    assertThat(fixture.signals.engaged).containsExactly("a-1", "a-2");
    assertThat(redis.xlen(fixture.outbox.key())).isZero();
  }

  @Test
  void shouldRefuseAWakeIntervalNotShorterThanMinIdle() {
    assertThatThrownBy(() -> new CorrelationProperties.Outbox(true, "k", GROUP, "c", 100, Duration.ofSeconds(1),
        Duration.ofSeconds(30), 8, Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wake-interval");
  }

  /** A publisher named "paced" that paces wake-ups by 5 s on {@code clock}. */
  private OutboxPublisher paced(Clock clock) {
    return fixture.publisher("paced", Duration.ofSeconds(30), Duration.ofSeconds(5), clock);
  }

  private static LeadEvent click(String eventId, String leadId) {
    return new LeadEvent(eventId, leadId, "email_click", Instant.now(), "email", Map.of());
  }

  private static LeadEvent event(String eventId, String leadId, String type) {
    return new LeadEvent(eventId, leadId, type, Instant.now(), "web", Map.of());
  }
}
