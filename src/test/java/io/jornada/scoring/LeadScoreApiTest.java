package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jornada.support.RedisServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import redis.clients.jedis.RedisClient;

/** {@code GET /api/leads/{id}/score} in the real application, against a real redis-server. */
@SpringBootTest(
    classes = io.jornada.JornadaApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "jornada.scoring.bootstrap.population-size=3000",
      // Its own journey outbox: other applications of this JVM share the Redis and publish theirs.
      "jornada.lead.correlation.outbox.key=test:lead-score-api:outbox"
    })
class LeadScoreApiTest {

  @TempDir static Path models;

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
  void shouldReturnTheScoreWithReasonsAndStoreItOnTheLead() {
    // given
    api().post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).body(Map.of(
            "leadId", "api-1", "name", "Ana Oliveira", "email", "api-1@example.com", "companySize", 120,
            "source", "referral", "funnelStage", "decision", "consent", Map.of("email", true)))
        .retrieve().toBodilessEntity();
    api().post().uri("/api/leads/api-1/events").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", "pricing_view", "channel", "web")).retrieve().toBodilessEntity();

    // when
    Map<String, Object> body = api().get().uri("/api/leads/api-1/score").retrieve()
        .body(new ParameterizedTypeReference<>() {});

    // then
    assertThat((Double) body.get("probability")).isBetween(0.0, 1.0);
    assertThat(body.get("band")).isIn("A", "B", "C", "D");
    assertThat(body.get("modelVersion")).isEqualTo("v0001");
    assertThat((List<?>) body.get("reasons")).isNotEmpty()
        .allSatisfy(reason -> assertThat(reason.toString()).contains("feature", "value", "contribution"));
    try (RedisClient redis = RedisClient.builder().fromURI(RedisServer.shared().url()).build()) {
      // The lead's journey re-scores it too (score-lead job), so the stored score may be a later one.
      Map<String, String> stored = redis.hgetAll("jornada:lead:api-1:score");
      assertThat(stored).containsEntry("modelVersion", "v0001").containsKeys("band", "reasons", "scoredAt");
      assertThat(Double.parseDouble(stored.get("probability"))).isCloseTo((Double) body.get("probability"), within(0.01));
    }
  }

  @Test
  void shouldAnswerNotFoundProblemForAnUnknownLead() {
    // when
    ResponseEntity<String> response = api().get().uri("/api/leads/nobody/score").retrieve()
        .onStatus(status -> true, (request, r) -> {})
        .toEntity(String.class);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).contains("urn:jornada:problem:unknown-lead", "nobody");
  }

  private RestClient api() {
    return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
  }
}
