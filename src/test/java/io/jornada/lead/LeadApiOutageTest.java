package io.jornada.lead;

import static io.jornada.lead.LeadApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.jornada.support.RedisServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Stops its own Redis, never the shared one. */
// Closed after the class, so its stream consumers stop instead of polling the stopped Redis.
@DirtiesContext
@SpringBootTest(
    classes = LeadApiTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadApiOutageTest {

  private static final RedisServer REDIS = RedisServer.start();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("jornada.redis.url", REDIS::url);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.stop();
  }

  @LocalServerPort int port;

  @Test
  void shouldAnswer503WithRetryAfterWhileRedisIsDownAndRecoverAfterRestart() {
    // given
    LeadApiClient api = new LeadApiClient(port);
    String lead = "{\"leadId\": \"ana-1\", \"name\": \"Ana\", \"email\": \"ana@example.com\"}";
    assertThat(api.post("/api/leads", lead).statusCode()).isEqualTo(201);

    // when
    REDIS.stop();
    HttpResponse<String> down = api.post("/api/leads", lead);
    HttpResponse<String> downGet = api.get("/api/leads/ana-1");
    REDIS.restart();
    HttpResponse<String> back = api.post("/api/leads", lead);

    // then
    assertProblem(down, 503, "urn:jornada:problem:store-unavailable");
    assertThat(down.headers().firstValue("Retry-After")).hasValue("1");
    assertProblem(downGet, 503, "urn:jornada:problem:store-unavailable");
    assertThat(back.statusCode()).isEqualTo(201); // the restarted Redis is empty: a new lead
  }
}
