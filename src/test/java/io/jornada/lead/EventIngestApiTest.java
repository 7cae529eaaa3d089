package io.jornada.lead;

import static io.jornada.lead.LeadApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.support.RedisServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

@SpringBootTest(
    classes = LeadApiTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "jornada.lead.correlation.outbox.key=" + EventIngestApiTest.OUTBOX)
class EventIngestApiTest {

  /** Its own journey outbox: each test application of this JVM on the shared Redis publishes its own. */
  static final String OUTBOX = "test:event-ingest-api:outbox";

  private static final String ANA =
      """
      {"leadId": "ana-1", "name": "Ana Souza", "email": "ana@example.com", "companySize": 40,
       "source": "organic", "funnelStage": "awareness", "consent": {"email": true}}
      """;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("jornada.redis.url", () -> RedisServer.shared().url());
  }

  @LocalServerPort int port;
  @Autowired RecordingJourneySignals signals;

  private final ObjectMapper json = new ObjectMapper();
  private LeadApiClient api;

  @BeforeEach
  void setUp() {
    RedisServer.shared().flushAll();
    signals.clear();
    api = new LeadApiClient(port);
    api.post("/api/leads", ANA);
  }

  @Test
  void shouldAcceptABatchAsAJsonArray() throws Exception {
    // when
    HttpResponse<String> response = api.post("/api/events", "[" + event("a1", "page_view") + "," + event("a2", "email_open") + "]");

    // then
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode report = json.readTree(response.body());
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("rejected")).isEmpty();
    assertThat(counts()).containsEntry("page_view", 1).containsEntry("email_open", 1);
    JsonNode engagement = json.readTree(api.get("/api/leads/ana-1/engagement").body());
    assertThat(engagement.get("decayed").get("week:type:email_open").asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.01));
    assertThat(engagement.get("lastSeen").has("email")).isTrue();
  }

  @Test
  void shouldAcceptABatchAsNdjson() throws Exception {
    // when
    HttpResponse<String> response = api.post(
        "/api/events", event("n1", "page_view") + "\n\n" + event("n2", "page_view") + "\n", "application/x-ndjson");

    // then
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json.readTree(response.body()).get("accepted").asInt()).isEqualTo(2);
    assertThat(counts()).containsEntry("page_view", 2);
  }

  @Test
  void shouldKeepTheValidEventsOfABatchAndReportEachInvalidOne() throws Exception {
    // given
    String oversized = "{\"eventId\":\"big\",\"leadId\":\"ana-1\",\"type\":\"page_view\",\"properties\":{\"x\":\""
        + "a".repeat(20_000) + "\"}}";
    String body = String.join("\n",
        event("ok-1", "page_view"),
        "{\"eventId\": \"no-type\", \"leadId\": \"ana-1\"",
        "{\"eventId\":\"bad-type\",\"leadId\":\"ana-1\",\"type\":\"teleport\"}",
        oversized,
        "{\"eventId\":\"ghost\",\"leadId\":\"nobody\",\"type\":\"page_view\"}",
        "{\"eventId\":\"when\",\"leadId\":\"ana-1\",\"type\":\"page_view\",\"occurredAt\":\"yesterday\"}",
        event("ok-2", "email_click"));

    // when
    HttpResponse<String> response = api.post("/api/events", body, "application/x-ndjson");

    // then
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode report = json.readTree(response.body());
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    List<String> rejected = new ArrayList<>();
    report.get("rejected").forEach(r -> rejected.add(r.get("index").asInt() + " " + r.path("eventId").asText("-") + " " + r.get("reason").asText()));
    assertThat(rejected).hasSize(5);
    assertThat(rejected.get(0)).isEqualTo("1 - line is not valid JSON");
    assertThat(rejected.get(1)).startsWith("2 bad-type type is required and must be one of");
    assertThat(rejected.get(2)).startsWith("3 big event is ").contains("more than the limit of 16384");
    assertThat(rejected.get(3)).isEqualTo("4 ghost unknown lead");
    assertThat(rejected.get(4)).startsWith("5 when occurredAt must be an ISO-8601 instant");
    assertThat(counts()).containsEntry("page_view", 1).containsEntry("email_click", 1);
  }

  @Test
  void shouldAnswer400WithTheReportWhenNoEventIsValid() throws Exception {
    // when
    HttpResponse<String> response = api.post("/api/events", "[{\"eventId\":\"x\"}, 42]");

    // then
    assertProblem(response, 400, "urn:jornada:problem:invalid-request");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("rejected")).hasSize(2);
    assertThat(problem.get("rejected").get(1).get("reason").asText()).isEqualTo("event must be a JSON object");
    assertProblem(api.post("/api/events", "{\"not\": \"an array\"}"), 400, "urn:jornada:problem:invalid-request");
  }

  @Test
  void shouldNotCountADuplicateEventIdTwice() throws Exception {
    // given
    api.post("/api/events", "[" + event("d1", "email_open") + "]");

    // when
    HttpResponse<String> response = api.post("/api/events", "[" + event("d1", "email_open") + "," + event("d1", "email_open") + "]");

    // then
    JsonNode report = json.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(report.get("accepted").asInt()).isZero();
    assertThat(report.get("duplicates").asInt()).isEqualTo(2);
    assertThat(counts()).containsEntry("email_open", 1);
  }

  @Test
  void shouldPublishConfiguredEventTypesWithTheEventIdAsMessageIdAndATimeToLive() {
    // when
    api.post("/api/events", "[" + event("c1", "email_click") + "," + event("c2", "page_view") + "]");

    // then: email_click wakes journeys, page_view does not
    RecordingJourneySignals.awaitOutboxPublished(RedisServer.shared().url(), OUTBOX);
    assertThat(signals.named("lead-engaged")).singleElement().satisfies(m -> {
      assertThat(m.leadId()).isEqualTo("ana-1");
      assertThat(m.messageId()).isEqualTo("c1");
      assertThat(m.timeToLive()).isEqualTo(Duration.ofHours(1));
    });
  }

  @Test
  void shouldMoveLeadsBetweenSegmentsAndPublishEnteredAndExited() throws Exception {
    // given: no score yet, band D: cold-awareness
    api.post("/api/events", "[" + event("s1", "page_view") + "]");
    RecordingJourneySignals.awaitOutboxPublished(RedisServer.shared().url(), OUTBOX);
    assertThat(signals.named("segment-entered")).extracting(m -> m.variables().get("segment")).containsExactly("cold-awareness");

    // when: scoring stored band A and the lead reached the decision stage
    try (RedisClient redis = RedisClient.create(URI.create(RedisServer.shared().url()))) {
      redis.hset("jornada:lead:ana-1:score", "band", "A");
    }
    api.post("/api/leads", ANA.replace("awareness", "decision"));
    api.post("/api/events", "[" + event("s2", "form_submit") + "]");

    // then
    RecordingJourneySignals.awaitOutboxPublished(RedisServer.shared().url(), OUTBOX);
    assertThat(signals.named("segment-exited")).singleElement().satisfies(m -> {
      assertThat(m.variables()).containsEntry("segment", "cold-awareness");
      assertThat(m.messageId()).isEqualTo("s2:segment-exited:cold-awareness");
    });
    assertThat(signals.named("segment-entered")).extracting(m -> m.variables().get("segment"))
        .containsExactly("cold-awareness", "hot-decision");
    JsonNode segments = json.readTree(api.get("/api/segments").body());
    assertThat(segments.toString()).contains("{\"id\":\"cold-awareness\",\"size\":0}", "{\"id\":\"hot-decision\",\"size\":1}");
    JsonNode page = json.readTree(api.get("/api/segments/hot-decision/leads").body());
    assertThat(page.get("leads").get(0).asText()).isEqualTo("ana-1");
    assertThat(page.get("next").isNull()).isTrue();
  }

  @Test
  void shouldPageThroughALargeSegment() throws Exception {
    // given
    try (RedisClient redis = RedisClient.create(URI.create(RedisServer.shared().url()))) {
      for (int i = 0; i < 300; i++) {
        redis.sadd("jornada:segment:big", "lead-" + i);
      }
    }

    // when
    Set<String> seen = new HashSet<>();
    String cursor = "0";
    int pages = 0;
    do {
      JsonNode page = json.readTree(api.get("/api/segments/big/leads?limit=50&cursor=" + cursor).body());
      page.get("leads").forEach(l -> seen.add(l.asText()));
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (cursor != null && pages < 100);

    // then
    assertThat(seen).hasSize(300);
    assertThat(pages).isGreaterThan(1);
    assertProblem(api.get("/api/segments/big/leads?limit=0"), 400, "urn:jornada:problem:invalid-request");
  }

  private java.util.Map<String, Integer> counts() throws Exception {
    JsonNode lead = json.readTree(api.get("/api/leads/ana-1").body());
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    lead.get("eventCounts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
    return counts;
  }

  private static String event(String eventId, String type) {
    return "{\"eventId\":\"" + eventId + "\",\"leadId\":\"ana-1\",\"type\":\"" + type + "\",\"channel\":\"email\"}";
  }
}
