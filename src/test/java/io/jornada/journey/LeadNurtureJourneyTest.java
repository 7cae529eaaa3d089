package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jornada.engine.Engine;
import io.jornada.support.RedisServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import redis.clients.jedis.RedisClient;

/**
 * The whole slice: leads enter through the HTTP API, the unmodified Camunda client (workers,
 * message publication) drives {@code lead-nurture.bpmn} on the embedded engine, lead state lives in
 * a real redis-server, and the XGBoost model scores.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "jornada.journey.engagement-wait=PT1S",
      "jornada.journey.max-attempts=5",
      "jornada.journey.hand-off-threshold=0.6",
      "jornada.scoring.bootstrap.population-size=20000",
      "jornada.scoring.triggers.hot=0.6",
      // Its own journey outbox: other applications of this JVM share the Redis and publish theirs.
      "jornada.lead.correlation.outbox.key=" + LeadNurtureJourneyTest.OUTBOX
    })
class LeadNurtureJourneyTest {

  static final String OUTBOX = "test:lead-nurture:outbox";
  private static final Duration JOURNEY_TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path models;

  @Autowired InstanceHistory history;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("jornada.redis.url", () -> RedisServer.shared().url());
    registry.add("jornada.scoring.model-dir", () -> models.toString());
  }

  @BeforeAll
  static void flush() {
    RedisServer.shared().flushAll();
  }

  @Test
  void shouldHandOffALeadThatEngagesUntilItIsHot() {
    // given
    createLead("hot-1", "decision", "referral", 200, true);

    // when: the lead's recent history (older than the signal window, so it wakes nothing) shows
    // prices, a form and WhatsApp replies; then one fresh click wakes the waiting journey
    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
    for (int i = 0; i < 6; i++) {
      event("hot-1", "pricing_view", "web", twoHoursAgo);
    }
    event("hot-1", "form_submit", "web", twoHoursAgo);
    event("hot-1", "whatsapp_reply", "whatsapp", twoHoursAgo);
    event("hot-1", "whatsapp_reply", "whatsapp", twoHoursAgo);
    event("hot-1", "email_click", "email", Instant.now());

    // then: engagements wake the journey until a re-score finds the lead hot (the journey's own
    // rescore-lead, or the lead-hot trigger of an event's re-score, whichever comes first)
    long instance = awaitEnd("hot-1");
    List<String> path = history.path(instance);
    assertThat(path).startsWith("lead-created", "load-lead", "join-score", "score-lead", "join-segment", "segment-lead", "choose-channel", "has-channel", "send-message", "await-engagement");
    assertThat(path).containsAnyOf("lead-engaged", "lead-hot");
    assertThat(path).endsWith("hand-off-to-sales", "handed-off", "<process>");
    assertThat(path).doesNotContain("engagement-timeout", "gave-up");

    Map<String, Object> variables = history.variables(instance);
    assertThat(((Number) variables.get("score")).doubleValue()).isGreaterThanOrEqualTo(0.6);
    assertThat(variables.get("channel")).isEqualTo("whatsapp");
    assertThat(variables).containsKeys("segment", "band", "reasons", "sentMessageId", "handedOffAt");

    assertThat(outboxOf("hot-1")).isNotEmpty().allSatisfy(m -> {
      assertThat(m.get("channel")).isEqualTo("whatsapp");
      assertThat((String) m.get("body")).contains("Olá, Ana");
    });
    assertThat(salesQueue()).anySatisfy(entry -> {
      assertThat(entry.get("leadId")).isEqualTo("hot-1");
      assertThat(((Number) entry.get("score")).doubleValue()).isGreaterThanOrEqualTo(0.6);
    });
  }

  @Test
  void shouldHandOffALeadWhoseScoreTurnsHotWhileItsJourneyWaits() {
    // given a lead whose journey scored it cold and waits for engagement
    createLead("warm-1", "decision", "referral", 200, true);
    await().atMost(JOURNEY_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() ->
        history.instanceOfLead("warm-1").map(i -> history.path(i).contains("send-message")).orElse(false));
    assertThat(score("warm-1").get("probability")).isInstanceOfSatisfying(Double.class, p -> assertThat(p).isLessThan(0.6));

    // when a CRM backfill (two hours old: too old to wake the journey as engagement) makes it hot
    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
    for (int i = 0; i < 6; i++) {
      event("warm-1", "pricing_view", "web", twoHoursAgo);
    }
    event("warm-1", "form_submit", "web", twoHoursAgo);
    event("warm-1", "whatsapp_reply", "whatsapp", twoHoursAgo);
    event("warm-1", "whatsapp_reply", "whatsapp", twoHoursAgo);

    // then the re-score that crossed appended lead-hot to the journey outbox, the publisher
    // published it (under the crossing's id) and the journey took that branch to sales
    long instance = awaitEnd("warm-1");
    List<String> path = history.path(instance);
    assertThat(path).endsWith("await-engagement", "lead-hot", "hand-off-to-sales", "handed-off", "<process>");
    assertThat(path).doesNotContain("lead-engaged", "rescore-lead");
    assertThat(history.published("lead-hot", "warm-1")).singleElement().satisfies(m -> {
      assertThat(m.messageId()).startsWith("lead-hot:warm-1:");
      assertThat(((Number) m.variables().get("score")).doubleValue()).isGreaterThanOrEqualTo(0.6);
      assertThat(m.variables()).containsKeys("band", "reasons", "modelVersion");
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> redisOutboxLength() == 0); // published entries leave it

    double stored = (Double) score("warm-1").get("probability");
    assertThat(stored).isGreaterThanOrEqualTo(0.6);
    assertThat(salesQueue()).anySatisfy(entry -> {
      assertThat(entry.get("leadId")).isEqualTo("warm-1");
      assertThat(((Number) entry.get("score")).doubleValue()).isEqualTo(stored);
      assertThat((List<?>) entry.get("reasons")).isNotEmpty();
    });
  }

  @Test
  void shouldGiveUpOnALeadThatNeverEngages() {
    // when
    createLead("cold-1", "awareness", "social", 5, true);

    // then: every wait times out, one message per attempt, and no hand-off
    long instance = awaitEnd("cold-1");
    List<String> path = history.path(instance);
    assertThat(path).endsWith("retry", "gave-up", "<process>");
    assertThat(path.stream().filter("engagement-timeout"::equals).count()).isEqualTo(5);
    assertThat(path.stream().filter("send-message"::equals).count()).isEqualTo(5);
    assertThat(path).doesNotContain("lead-engaged", "hand-off-to-sales");
    assertThat(history.variables(instance).get("attempt")).isEqualTo(5L);
    assertThat(outboxOf("cold-1")).hasSize(5);
    assertThat(salesQueue()).noneSatisfy(entry -> assertThat(entry.get("leadId")).isEqualTo("cold-1"));
  }

  @Test
  void shouldSendNothingToALeadWithoutConsent() {
    // when
    createLead("silent-1", "decision", "referral", 200, false);

    // then
    long instance = awaitEnd("silent-1");
    assertThat(history.path(instance)).endsWith("choose-channel", "has-channel", "no-channel", "<process>");
    assertThat(history.variables(instance).get("channel")).isEqualTo("none");
    assertThat(outboxOf("silent-1")).isEmpty();
  }

  @Test
  void shouldWakeAWaitingJourneyWithAnEventIngestedInABatch() {
    // given: a lead whose journey sent its first message and waits at await-engagement
    createLead("click-1", "awareness", "social", 5, true);
    await().atMost(JOURNEY_TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() ->
        history.instanceOfLead("click-1").map(i -> history.path(i).contains("send-message")).orElse(false));

    // when
    api().post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
        .body(List.of(Map.of("eventId", "click-evt-1", "leadId", "click-1", "type", "email_click", "channel", "email")))
        .retrieve().toBodilessEntity();

    // then
    long instance = awaitEnd("click-1");
    List<String> path = history.path(instance);
    assertThat(path.subList(path.indexOf("send-message"), path.size()))
        .startsWith("send-message", "await-engagement", "lead-engaged", "rescore-lead");
    assertThat(history.variables(instance).get("lastEngagement"))
        .isEqualTo(Map.of("eventId", "click-evt-1", "type", "email_click", "channel", "email"));
  }

  @TestConfiguration
  static class History {
    @Bean
    InstanceHistory instanceHistory(Engine engine) {
      var history = new InstanceHistory();
      engine.addListener(history);
      return history;
    }
  }

  private long awaitEnd(String leadId) {
    await().atMost(JOURNEY_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() ->
        history.instanceOfLead(leadId).map(i -> history.path(i).contains("<process>")).orElse(false));
    return history.instanceOfLead(leadId).orElseThrow();
  }

  private long redisOutboxLength() {
    try (RedisClient redis = RedisClient.create(URI.create(RedisServer.shared().url()))) {
      return redis.xlen(OUTBOX);
    }
  }

  private RestClient api() {
    return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
  }

  private void createLead(String leadId, String stage, String source, int companySize, boolean consent) {
    api().post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).body(Map.of(
            "leadId", leadId,
            "name", "Ana Oliveira",
            "email", leadId + "@example.com",
            "phone", "+5511987654321",
            "company", "Padaria Boa Vista",
            "companySize", companySize,
            "source", source,
            "funnelStage", stage,
            "preferredChannel", "whatsapp",
            "consent", Map.of("email", consent, "whatsapp", consent, "sms", false)))
        .retrieve().toBodilessEntity();
  }

  private void event(String leadId, String type, String channel, Instant occurredAt) {
    api().post().uri("/api/leads/{id}/events", leadId).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", type, "channel", channel, "occurredAt", occurredAt.toString())).retrieve().toBodilessEntity();
  }

  private Map<String, Object> score(String leadId) {
    return api().get().uri("/api/leads/{id}/score", leadId).retrieve().body(new ParameterizedTypeReference<>() {});
  }

  private List<Map<String, Object>> outboxOf(String leadId) {
    List<Map<String, Object>> outbox = api().get().uri("/api/outbox?limit=1000").retrieve().body(new ParameterizedTypeReference<>() {});
    return outbox.stream().filter(m -> leadId.equals(m.get("leadId"))).toList();
  }

  private List<Map<String, Object>> salesQueue() {
    return api().get().uri("/api/sales/queue?limit=100").retrieve().body(new ParameterizedTypeReference<>() {});
  }
}
