package io.jornada.lead;

import static io.jornada.lead.LeadApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.support.RedisServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/**
 * Stops and restarts its own durable Redis while events arrive over HTTP and through the stream:
 * HTTP answers 503 with Retry-After meanwhile, stream entries wait, and afterwards every event is
 * counted exactly once and the journey outbox is published to the end.
 */
// Closed after the class, so its stream consumers stop instead of polling the stopped Redis.
@DirtiesContext
@SpringBootTest(
    classes = LeadApiTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "jornada.lead.ingest.stream.min-idle=500ms",
      "jornada.lead.ingest.stream.block=200ms",
      "jornada.lead.ingest.stream.batch-size=50"
    })
class IngestOutageTest {

  private static final RedisServer REDIS = RedisServer.startDurable();
  private static final int BATCH = 20;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("jornada.redis.url", REDIS::url);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.stop();
  }

  @LocalServerPort int port;
  @Autowired RecordingJourneySignals signals;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldLoseNoEventAcrossARedisRestart() throws Exception {
    // given
    LeadApiClient api = new LeadApiClient(port);
    assertThat(api.post("/api/leads", "{\"leadId\": \"ana-1\", \"name\": \"Ana\", \"email\": \"ana@example.com\"}").statusCode()).isEqualTo(201);
    for (int b = 0; b < 5; b++) {
      postUntilAccepted(api, b);
    }
    addToStream(0, 200);

    // when: Redis goes away right after the stream entries were added
    REDIS.stop();
    HttpResponse<String> down = api.post("/api/events", batch(99));
    CompletableFuture<Void> retrying = CompletableFuture.runAsync(() -> postUntilAccepted(api, 5));
    Thread.sleep(1_500);
    REDIS.restart();
    retrying.get();
    addToStream(200, 300);

    // then
    assertProblem(down, 503, "urn:jornada:problem:store-unavailable");
    assertThat(down.headers().firstValue("Retry-After")).hasValue("1");
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> count(api, "page_view") >= 300);
    Thread.sleep(700); // longer than min-idle: a redelivery would show up now
    assertThat(count(api, "page_view")).isEqualTo(300);
    assertThat(count(api, "email_open")).isEqualTo(6 * BATCH);
    try (RedisClient redis = RedisClient.create(URI.create(REDIS.url()))) {
      assertThat(redis.xpending("jornada:ingest", "jornada").getTotal()).isZero();
    }
    RecordingJourneySignals.awaitOutboxPublished(REDIS.url(), CorrelationProperties.Outbox.defaults().key());
    // Paced wake-ups: the batch after the restart may share a publication with earlier ones, and
    // then it is that publication's last engagement.
    assertThat(signals.named("lead-engaged")).as("the batch accepted after the restart reached the journeys")
        .anySatisfy(message -> assertThat(List.of(message.messageId(), lastEngagementId(message)))
            .anyMatch(id -> id.toString().startsWith("h-5-")));
    assertThat(signals.engaged).allMatch(id -> id.startsWith("h-")).doesNotHaveDuplicates();
  }

  private static Object lastEngagementId(JourneyMessage message) {
    return ((Map<?, ?>) message.variables().get("lastEngagement")).get("eventId");
  }

  /** What a well-behaved client does: retry after Retry-After until accepted. */
  private void postUntilAccepted(LeadApiClient api, int batch) {
    for (int attempt = 0; attempt < 60; attempt++) {
      HttpResponse<String> response = api.post("/api/events", batch(batch));
      if (response.statusCode() == 202) {
        return;
      }
      assertThat(response.statusCode()).isEqualTo(503);
      long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
      try {
        Thread.sleep(Math.min(retryAfter * 1000, 250));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("batch " + batch + " never accepted");
  }

  private static String batch(int batch) {
    StringJoiner events = new StringJoiner(",", "[", "]");
    for (int i = 0; i < BATCH; i++) {
      events.add("{\"eventId\":\"h-" + batch + "-" + i + "\",\"leadId\":\"ana-1\",\"type\":\"email_open\",\"channel\":\"email\"}");
    }
    return events.toString();
  }

  private static void addToStream(int from, int to) {
    try (RedisClient redis = RedisClient.create(URI.create(REDIS.url()))) {
      for (int i = from; i < to; i++) {
        redis.xadd("jornada:ingest", StreamEntryID.NEW_ENTRY, Map.of("event",
            "{\"eventId\":\"s-" + i + "\",\"leadId\":\"ana-1\",\"type\":\"page_view\",\"channel\":\"web\"}"));
      }
    }
  }

  private int count(LeadApiClient api, String type) throws Exception {
    HttpResponse<String> response = api.get("/api/leads/ana-1");
    if (response.statusCode() != 200) {
      return -1;
    }
    JsonNode counts = json.readTree(response.body()).get("eventCounts");
    return counts.path(type).asInt(0);
  }
}
