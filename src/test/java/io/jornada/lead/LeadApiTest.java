package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.support.RedisServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    classes = LeadApiTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "jornada.lead.correlation.outbox.key=" + LeadApiTest.OUTBOX)
class LeadApiTest {

  /** Its own journey outbox: each test application of this JVM on the shared Redis publishes its own. */
  static final String OUTBOX = "test:lead-api:outbox";

  private static final String ANA =
      """
      {"leadId": "ana-1", "name": "Ana Souza", "email": "ana@example.com",
       "phone": "+55 11 91234-5678", "city": "São Paulo", "company": "Padaria Boa",
       "companySize": 40, "source": "site", "funnelStage": "lead",
       "consent": {"email": true, "whatsapp": true}, "preferredChannel": "whatsapp"}
      """;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("jornada.redis.url", () -> RedisServer.shared().url());
  }

  @LocalServerPort int port;
  @Autowired RecordingJourneySignals signals;
  @Autowired RedisSalesQueue salesQueue;

  private final ObjectMapper json = new ObjectMapper();
  private LeadApiClient api;

  @BeforeEach
  void setUp() {
    RedisServer.shared().flushAll();
    signals.clear();
    api = new LeadApiClient(port);
  }

  @Test
  void shouldCreateALeadWith201AndSignalItOnce() throws Exception {
    // when
    HttpResponse<String> created = api.post("/api/leads", ANA);
    HttpResponse<String> updated = api.post("/api/leads", ANA);

    // then
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/leads/ana-1");
    assertThat(json.readTree(created.body()).get("leadId").asText()).isEqualTo("ana-1");
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(signals.created).containsExactly("ana-1");
  }

  @Test
  void shouldGenerateALeadIdWhenAbsent() throws Exception {
    // when
    HttpResponse<String> response =
        api.post("/api/leads", "{\"name\": \"Bia\", \"phone\": \"+5581999990000\"}");

    // then
    assertThat(response.statusCode()).isEqualTo(201);
    String leadId = json.readTree(response.body()).get("leadId").asText();
    assertThat(leadId).matches("[0-9a-f-]{36}");
    JsonNode lead = json.readTree(api.get("/api/leads/" + leadId).body());
    assertThat(lead.get("consent").get("whatsapp").asBoolean()).isFalse();
  }

  @Test
  void shouldAcceptAnEventWith202AndReportADuplicate() throws Exception {
    // given
    api.post("/api/leads", ANA);
    String open = "{\"eventId\": \"ev-1\", \"type\": \"email_open\", \"channel\": \"email\"}";

    // when
    HttpResponse<String> first = api.post("/api/leads/ana-1/events", open);
    HttpResponse<String> again = api.post("/api/leads/ana-1/events", open);

    // then
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(json.readTree(first.body()).get("duplicate").asBoolean()).isFalse();
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
    // the journey message went to the outbox with the event, once: the redelivery adds none
    RecordingJourneySignals.awaitOutboxPublished(RedisServer.shared().url(), OUTBOX);
    assertThat(signals.engaged).containsExactly("ev-1");
    JsonNode lead = json.readTree(api.get("/api/leads/ana-1").body());
    assertThat(lead.get("eventCounts").get("email_open").asInt()).isEqualTo(1);
    assertThat(lead.get("lastEngagedAt").isNull()).isFalse();
  }

  @Test
  void shouldNotSignalEventsThatAreNotEngagement() {
    // given
    api.post("/api/leads", ANA);

    // when
    HttpResponse<String> response =
        api.post("/api/leads/ana-1/events", "{\"type\": \"page_view\", \"properties\": {\"path\": \"/blog\"}}");

    // then
    assertThat(response.statusCode()).isEqualTo(202);
    RecordingJourneySignals.awaitOutboxPublished(RedisServer.shared().url(), OUTBOX);
    assertThat(signals.engaged).isEmpty();
  }

  @Test
  void shouldRecordButNotSignalAnEngagementFromThePast() throws Exception {
    // given
    api.post("/api/leads", ANA);
    String threeDaysAgo = Instant.now().minus(Duration.ofDays(3)).toString();

    // when
    HttpResponse<String> response = api.post("/api/leads/ana-1/events",
        "{\"eventId\": \"old-1\", \"type\": \"pricing_view\", \"occurredAt\": \"" + threeDaysAgo + "\"}");

    // then: the backfilled event counts for the lead, but wakes no journey
    assertThat(response.statusCode()).isEqualTo(202);
    RecordingJourneySignals.awaitOutboxPublished(RedisServer.shared().url(), OUTBOX);
    assertThat(signals.engaged).isEmpty();
    JsonNode lead = json.readTree(api.get("/api/leads/ana-1").body());
    assertThat(lead.get("eventCounts").get("pricing_view").asInt()).isEqualTo(1);
  }

  @Test
  void shouldAnswerMalformedJsonWith400Problem() throws Exception {
    // when
    HttpResponse<String> response = api.post("/api/leads", "{\"name\": \"Ana\", ");

    // then
    assertProblem(response, 400, "urn:jornada:problem:invalid-request");
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("not valid JSON");
  }

  @Test
  void shouldNameTheFieldOfAWrongTypeWithout500() throws Exception {
    // when
    HttpResponse<String> response =
        api.post("/api/leads", "{\"name\": \"Ana\", \"email\": \"a@b.co\", \"companySize\": \"muitos\"}");

    // then
    assertProblem(response, 400, "urn:jornada:problem:invalid-request");
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("companySize");
  }

  @Test
  void shouldListEveryMissingOrInvalidFieldIn400Problem() throws Exception {
    // when
    HttpResponse<String> response =
        api.post("/api/leads", "{\"email\": \"not-an-email\", \"preferredChannel\": \"fax\"}");

    // then
    assertProblem(response, 400, "urn:jornada:problem:invalid-request");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("errors"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "name is required",
            "email is not a valid e-mail address",
            "preferredChannel must be one of email, whatsapp, sms");
    assertThat(problem.get("detail").asText()).contains("name is required");
  }

  @Test
  void shouldAnswerAnEventWithoutTypeWith400Problem() {
    // given
    api.post("/api/leads", ANA);

    // when
    HttpResponse<String> response = api.post("/api/leads/ana-1/events", "{\"channel\": \"email\"}");

    // then
    assertProblem(response, 400, "urn:jornada:problem:invalid-request");
  }

  @Test
  void shouldAnswerAnEventForAnUnknownLeadWith404Problem() {
    // when
    HttpResponse<String> response = api.post("/api/leads/ghost/events", "{\"type\": \"email_open\"}");

    // then
    assertProblem(response, 404, "urn:jornada:problem:unknown-lead");
  }

  @Test
  void shouldAnswerAnUnknownLeadWith404Problem() {
    assertProblem(api.get("/api/leads/ghost"), 404, "urn:jornada:problem:unknown-lead");
  }

  @Test
  void shouldListTheSalesQueueHottestFirst() throws Exception {
    // given
    salesQueue.handOff("ana-1", 0.8, List.of("pricing_view"));
    salesQueue.handOff("bia-2", 0.9, List.of("form_submit"));

    // when
    HttpResponse<String> response = api.get("/api/sales/queue?limit=1");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode queue = json.readTree(response.body());
    assertThat(queue).hasSize(1);
    assertThat(queue.get(0).get("leadId").asText()).isEqualTo("bia-2");
    assertProblem(api.get("/api/sales/queue?limit=0"), 400, "urn:jornada:problem:invalid-request");
  }

  static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        contentType -> assertThat(contentType).startsWith("application/problem+json"));
    try {
      JsonNode problem = new ObjectMapper().readTree(response.body());
      assertThat(problem.get("type").asText()).isEqualTo(type);
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("title").asText()).isNotBlank();
      assertThat(problem.get("detail").asText()).isNotBlank();
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
