package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

@ExtendWith(RedisServerExtension.class)
class RedisLeadStateStoreTest {

  private static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

  private RedisClient redis;
  private RedisLeadStateStore store;
  private String serverUrl;

  @BeforeEach
  void setUp(RedisServer server) {
    serverUrl = server.url();
    redis = RedisClient.create(URI.create(server.url()));
    store = new RedisLeadStateStore(redis, LeadProperties.defaults(), new ObjectMapper(), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void shouldCountTheSameEventIdOnce() {
    // given
    store.upsert(lead("ana"));
    LeadEvent open = event("e-1", "ana", "email_open", T0);

    // when
    boolean first = store.record(open);
    boolean second = store.record(open);

    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(store.find("ana").orElseThrow().count("email_open")).isEqualTo(1);
    assertThat(redis.xlen(RedisLeadStateStore.timelineKey("ana"))).isEqualTo(1);
  }

  @Test
  void shouldLoseNoEventWhenEightThreadsRecordConcurrently() throws Exception {
    // given
    store.upsert(lead("ana"));
    int threads = 8;
    int events = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);

    // when
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = offset; i < events; i += threads) {
                  store.record(event("e-" + i, "ana", "page_view", T0.plusSeconds(i)));
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    // then
    assertThat(store.find("ana").orElseThrow().count("page_view")).isEqualTo(events);
    assertThat(redis.xlen(RedisLeadStateStore.timelineKey("ana"))).isEqualTo(events);
  }

  @Test
  void shouldFindCountersAndLastEngagedAtAfterUpsertAndEvents() {
    // given
    store.upsert(lead("ana"));
    store.record(event("e-1", "ana", "email_open", T0));
    store.record(event("e-2", "ana", "email_open", T0.plusSeconds(60)));
    store.record(event("e-3", "ana", "pricing_view", T0.plusSeconds(120)));
    store.record(event("e-4", "ana", "email_click", T0.minusSeconds(600))); // arrives late
    store.record(event("e-5", "ana", "page_view", T0.plusSeconds(900))); // not engagement

    // when
    LeadProfile found = store.find("ana").orElseThrow();

    // then
    assertThat(found.eventCounts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("email_open", 2, "pricing_view", 1, "email_click", 1, "page_view", 1));
    assertThat(found.lastEngagedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(found.name()).isEqualTo("Ana Souza");
    assertThat(found.consent()).isEqualTo(new Consent(true, true, false));
    assertThat(found.companySize()).isEqualTo(40);
    assertThat(found.createdAt()).isNotNull();
  }

  @Test
  void shouldKeepEngagementAndCreatedAtWhenUpsertReplacesAttributes() {
    // given
    store.upsert(lead("ana"));
    store.record(event("e-1", "ana", "email_open", T0));
    Instant createdAt = store.find("ana").orElseThrow().createdAt();

    // when
    boolean created =
        store.save(
            new LeadProfile("ana", "Ana Lima", "ana@example.com", null, "Recife", null, 0, "site",
                "mql", Consent.none(), "email", Map.of(), null, null));

    // then
    LeadProfile found = store.find("ana").orElseThrow();
    assertThat(created).isFalse();
    assertThat(found.name()).isEqualTo("Ana Lima");
    assertThat(found.phone()).isNull();
    assertThat(found.consent()).isEqualTo(Consent.none());
    assertThat(found.count("email_open")).isEqualTo(1);
    assertThat(found.lastEngagedAt()).isEqualTo(T0);
    assertThat(found.createdAt()).isEqualTo(createdAt);
  }

  @Test
  void shouldRejectAnEventForAnUnknownLeadAndRecordNothing() {
    // when / then
    assertThatThrownBy(() -> store.record(event("e-1", "ghost", "email_open", T0)))
        .isInstanceOf(UnknownLeadException.class);
    assertThat(redis.exists(RedisLeadStateStore.eventKey("e-1"))).isFalse();
    assertThat(store.find("ghost")).isEmpty();
  }

  @Test
  void shouldReadWhatTheSegmentRulesReadWhileRecordingOnlyForLeadsWithANewEvent() {
    // given ana scored band B and in two segments, bia never scored nor segmented, and ana's event already seen
    store.upsert(lead("ana"));
    store.upsert(lead("bia"));
    store.upsert(lead("caio"));
    redis.hset("jornada:lead:ana:score", "band", "B");
    redis.sadd("jornada:lead:ana:segments", "warm-awareness", "newsletter");
    store.recordAll(List.of(event("s-0", "caio", "email_open", T0)), e -> null);
    RedisSegments segments = new RedisSegments(redis, "test:outbox");

    // when
    RedisLeadStateStore.Recorded recorded = store.recordAndRead(List.of(
        event("s-1", "ana", "email_open", T0), event("s-2", "bia", "email_open", T0),
        event("s-0", "caio", "email_open", T0), event("s-3", "ghost", "email_open", T0)), e -> null);

    // then: the same as the segments' own read, for the leads with a recorded event only
    assertThat(recorded.segmentState()).containsOnlyKeys("ana", "bia");
    assertThat(recorded.segmentState()).isEqualTo(segments.currentOf(List.of("ana", "bia")));
    assertThat(recorded.segmentState().get("ana").input().band()).isEqualTo("B");
    assertThat(recorded.segmentState().get("bia").segments()).isEmpty();
  }

  @Test
  void shouldRecordABatchWithSeveralEventsPerLeadAsIfOneByOne() {
    // given: the same leads and events, recorded in one batch in one store and one by one in another
    List<LeadEvent> events = List.of(
        event("b-1", "ana", "email_open", T0),
        event("b-2", "bia", "email_open", T0.plusSeconds(5)),
        new LeadEvent("b-3", "ana", "page_view", T0.plusSeconds(3_600), "web", Map.of()),
        event("b-1", "ana", "email_open", T0), // the same event again, in the same batch
        event("b-4", "ana", "email_click", T0.minusSeconds(86_400)), // arrives late
        event("b-5", "ghost", "email_open", T0),
        new LeadEvent("b-6", "ana", "page_view", T0.plusSeconds(7_200), "web", Map.of()),
        event("b-7", "bia", "form_submit", T0.plusSeconds(10)));
    store.upsert(lead("ana"));
    store.upsert(lead("bia"));

    // when
    List<RecordOutcome> batch = store.recordAll(events, event -> null);

    // then
    assertThat(batch).containsExactly(RecordOutcome.RECORDED, RecordOutcome.RECORDED, RecordOutcome.RECORDED,
        RecordOutcome.DUPLICATE, RecordOutcome.RECORDED, RecordOutcome.UNKNOWN_LEAD, RecordOutcome.RECORDED,
        RecordOutcome.RECORDED);
    RedisClient other = RedisClient.create(URI.create(serverUrl + "/1"));
    try {
      other.flushDB();
      RedisLeadStateStore reference =
          new RedisLeadStateStore(other, LeadProperties.defaults(), new ObjectMapper(), Clock.systemUTC());
      reference.upsert(lead("ana"));
      reference.upsert(lead("bia"));
      for (LeadEvent event : events) {
        reference.recordAll(List.of(event), e -> null);
      }
      for (String leadId : List.of("ana", "bia")) {
        LeadProfile expected = reference.find(leadId).orElseThrow();
        LeadProfile actual = store.find(leadId).orElseThrow();
        assertThat(actual.eventCounts()).isEqualTo(expected.eventCounts());
        assertThat(actual.lastEngagedAt()).isEqualTo(expected.lastEngagedAt());
        assertThat(redis.xlen(RedisLeadStateStore.timelineKey(leadId)))
            .isEqualTo(other.xlen(RedisLeadStateStore.timelineKey(leadId)));
        LeadEngagement expectedEngagement = atT0(other).engagement(leadId);
        LeadEngagement actualEngagement = atT0(redis).engagement(leadId);
        assertThat(actualEngagement.lastSeen()).isEqualTo(expectedEngagement.lastSeen());
        assertThat(actualEngagement.hours()).isEqualTo(expectedEngagement.hours());
        assertThat(actualEngagement.decayed().keySet()).isEqualTo(expectedEngagement.decayed().keySet());
        expectedEngagement.decayed().forEach((counter, value) ->
            assertThat(actualEngagement.decayed().get(counter)).as(counter).isCloseTo(value, within(1e-9)));
      }
      assertThat(store.find("ana").orElseThrow().eventCounts())
          .isEqualTo(Map.of("email_open", 1, "page_view", 2, "email_click", 1));
      assertThat(redis.exists(RedisLeadStateStore.eventKey("b-5"))).isFalse();
    } finally {
      other.close();
    }
  }

  /** A store on this Redis whose clock stands at T0. */
  private static RedisLeadStateStore atT0(RedisClient redis) {
    return new RedisLeadStateStore(redis, LeadProperties.defaults(), new ObjectMapper(), Clock.fixed(T0, java.time.ZoneOffset.UTC));
  }

  static LeadProfile lead(String id) {
    return new LeadProfile(id, "Ana Souza", "ana@example.com", "+55 11 91234-5678", "São Paulo",
        "Padaria Boa", 40, "site", "lead", new Consent(true, true, false), "whatsapp", Map.of(),
        null, null);
  }

  static LeadEvent event(String eventId, String leadId, String type, Instant at) {
    return new LeadEvent(eventId, leadId, type, at, "email", Map.of("campaign", "março"));
  }
}
