package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/** Decayed counters, last-seen and the send-time histogram, written by the record script. */
@ExtendWith(RedisServerExtension.class)
class LeadEngagementStateTest {

  /** A Monday, 15:00 in São Paulo (UTC-3). */
  private static final Instant T0 = Instant.parse("2025-03-10T18:00:00Z");
  private static final Duration H = Duration.ofDays(7);

  private RedisClient redis;

  @BeforeEach
  void setUp(RedisServer server) {
    redis = RedisClient.create(URI.create(server.url()));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void shouldHalveADecayedCounterAfterOneHalfLife() {
    // given: 8 clicks at T0
    store(T0).upsert(RedisLeadStateStoreTest.lead("ana"));
    List<LeadEvent> clicks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      clicks.add(event("c-" + i, "email_click", "email", T0));
    }
    store(T0).recordAll(clicks, e -> null);

    // when
    LeadEngagement atT0 = store(T0).engagement("ana");
    LeadEngagement oneHalfLifeLater = store(T0.plus(H)).engagement("ana");

    // then
    assertThat(atT0.decayedType("week", "email_click")).isCloseTo(8.0, within(1e-6));
    assertThat(oneHalfLifeLater.decayedType("week", "email_click")).isCloseTo(4.0, within(1e-6));
    assertThat(oneHalfLifeLater.decayedChannel("week", "email")).isCloseTo(4.0, within(1e-6));
    assertThat(oneHalfLifeLater.decayedType("day", "email_click")).isCloseTo(8.0 / 128, within(1e-6));
  }

  @Test
  void shouldDecayOnWriteAndCountALateEventAtItsOwnAge() {
    // given
    RedisLeadStateStore store = store(T0.plus(H));
    store.upsert(RedisLeadStateStoreTest.lead("ana"));
    store.recordAll(List.of(event("a", "page_view", "web", T0)), e -> null);

    // when: one event a half-life later, then a late one from T0
    store.recordAll(List.of(event("b", "page_view", "web", T0.plus(H)), event("c", "page_view", "web", T0)), e -> null);

    // then: 0.5 (a, decayed) + 1 (b) + 0.5 (c, as old as a)
    assertThat(store.engagement("ana").decayedType("week", "page_view")).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void shouldKeepDecayedCountersFiniteAndRightYearsAfterTheFirstEvent() {
    // given: one click at T0, then one every 100 days for ten years (past 256 day half-lives,
    // where the landmark must move, and far past where 2^(days) overflows a double)
    RedisLeadStateStore store = store(T0);
    store.upsert(RedisLeadStateStoreTest.lead("ana"));
    Instant last = T0;
    for (int i = 0; i <= 36; i++) {
      last = T0.plus(Duration.ofDays(100L * i));
      store.recordAll(List.of(event("y-" + i, "email_click", "email", last)), e -> null);
    }

    // when
    LeadEngagement atLast = store(last).engagement("ana");

    // then: the last click counts 1, the one 100 days before 2^-100 (day) or 2^(-100/7) (week)
    double week = 1 / (1 - Math.pow(2, -100.0 / 7)); // the geometric sum of all 37 clicks, to 1e-6
    assertThat(atLast.decayedType("day", "email_click")).isCloseTo(1.0, within(1e-9));
    assertThat(atLast.decayedType("week", "email_click")).isCloseTo(week, within(1e-6));
    assertThat(atLast.decayedChannel("week", "email")).isCloseTo(week, within(1e-6));
    assertThat(Double.parseDouble(redis.hget(RedisLeadStateStore.engagementKey("ana"), "landmark")))
        .as("the landmark moved forward").isGreaterThan(T0.toEpochMilli());
  }

  @Test
  void shouldKeepLastSeenAndAnHourByWeekdayHistogramPerChannel() {
    // given
    RedisLeadStateStore store = store(T0);
    store.upsert(RedisLeadStateStoreTest.lead("ana"));

    // when
    store.recordAll(List.of(
        event("w1", "whatsapp_inbound", "whatsapp", T0),
        event("w2", "whatsapp_inbound", "whatsapp", T0.plusSeconds(600)),
        event("w0", "whatsapp_inbound", "whatsapp", T0.minus(Duration.ofDays(1))),
        event("e1", "email_open", "email", T0.plus(Duration.ofHours(20)))), e -> null);

    // then
    LeadEngagement engagement = store.engagement("ana");
    assertThat(engagement.lastSeen())
        .containsEntry("whatsapp", T0.plusSeconds(600))
        .containsEntry("email", T0.plus(Duration.ofHours(20)));
    assertThat(engagement.hours())
        .containsEntry("whatsapp:1:15", 2L) // Monday 15h in São Paulo
        .containsEntry("whatsapp:7:15", 1L) // the Sunday before
        .containsEntry("email:2:11", 1L) // Tuesday 11h
        .hasSize(3);
  }

  @Test
  void shouldFileEachEventUnderItsLocalWeekdayAndHourAcrossADaylightSavingChange() {
    // given a zone that moves its clocks on 2026-03-29 at 01:00 UTC, and events every 20 minutes around it
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    RedisLeadStateStore store = new RedisLeadStateStore(redis, LeadProperties.defaults(),
        new EngagementProperties(Map.of("day", Duration.ofDays(1)), berlin), new ObjectMapper(), Clock.fixed(T0, ZoneOffset.UTC));
    store.upsert(RedisLeadStateStoreTest.lead("ana"));
    Instant first = Instant.parse("2026-03-28T22:10:00Z");
    List<LeadEvent> events = new java.util.ArrayList<>();
    Map<String, Long> expected = new java.util.TreeMap<>();
    for (int i = 0; i < 12; i++) {
      Instant at = first.plus(Duration.ofMinutes(20L * i));
      events.add(event("dst-" + i, "page_view", "web", at));
      java.time.ZonedDateTime local = at.atZone(berlin);
      expected.merge("web:" + local.getDayOfWeek().getValue() + ":" + local.getHour(), 1L, Long::sum);
    }

    // when
    store.recordAll(events, e -> null);

    // then: the slots java.time gives, 02:00 skipped
    assertThat(store.engagement("ana").hours()).isEqualTo(expected).doesNotContainKey("web:7:2");
  }

  private RedisLeadStateStore store(Instant now) {
    return new RedisLeadStateStore(
        redis,
        LeadProperties.defaults(),
        new EngagementProperties(Map.of("day", Duration.ofDays(1), "week", H), ZoneId.of("America/Sao_Paulo")),
        new ObjectMapper(),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private static LeadEvent event(String eventId, String type, String channel, Instant at) {
    return new LeadEvent(eventId, "ana", type, at, channel, Map.of());
  }
}
