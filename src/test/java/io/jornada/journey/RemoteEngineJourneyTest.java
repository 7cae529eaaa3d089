package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.jornada.support.RedisServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Switching runtime is configuration only: with {@code jornada.engine.embedded=false} and {@code
 * camunda.client.rest-address}, the same workers and models run on an engine elsewhere — here the
 * standalone engine in its own application context, standing in for a Camunda 8 cluster.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "jornada.engine.embedded=false",
      "jornada.journey.engagement-wait=PT0.5S",
      "jornada.journey.max-attempts=1",
      "jornada.scoring.bootstrap.population-size=5000",
      // Its own journey outbox: other applications of this JVM share the Redis and publish theirs.
      "jornada.lead.correlation.outbox.key=test:remote-engine:outbox"
    })
class RemoteEngineJourneyTest {

  private static ConfigurableApplicationContext remoteEngine;
  private static int enginePort;

  @Autowired ApplicationContext context;
  @Autowired CamundaClient client;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    try (var socket = new ServerSocket(0)) {
      enginePort = socket.getLocalPort();
    }
    remoteEngine = SpringApplication.run(io.jornada.gateway.EngineApplication.class,
        "--server.port=" + enginePort, "--jornada.engine.data-dir=", "--spring.main.banner-mode=off");
    registry.add("camunda.client.rest-address", () -> "http://127.0.0.1:" + enginePort);
    registry.add("jornada.redis.url", () -> RedisServer.shared().url());
    String models = Files.createTempDirectory("jornada-models").toString();
    registry.add("jornada.scoring.model-dir", () -> models);
  }

  @AfterAll
  static void stopEngine() {
    remoteEngine.close();
  }

  @Test
  void shouldRunTheJourneyOnAnEngineElsewhere() {
    // given: no engine in this application
    assertThat(context.getBeanNamesForType(io.jornada.engine.Engine.class)).isEmpty();

    // when
    RestClient api = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    api.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).body(Map.of(
            "leadId", "remote-1", "name", "Caio Lima", "email", "remote-1@example.com", "phone", "+5581988887777",
            "companySize", 40, "source", "organic", "funnelStage", "awareness", "preferredChannel", "email",
            "consent", Map.of("email", true, "whatsapp", false, "sms", false)))
        .retrieve().toBodilessEntity();

    // then: the remote engine ran the journey to its end, and the message went out
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(client.newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionId("lead-nurture").state(ProcessInstanceState.COMPLETED))
            .send().join().items()).isNotEmpty());
    List<Map<String, Object>> outbox = api.get().uri("/api/outbox?limit=100").retrieve().body(new ParameterizedTypeReference<>() {});
    assertThat(outbox).anySatisfy(m -> {
      assertThat(m.get("leadId")).isEqualTo("remote-1");
      assertThat(m.get("channel")).isEqualTo("email");
    });
  }
}
