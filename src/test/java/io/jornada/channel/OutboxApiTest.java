package io.jornada.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.lead.Consent;
import io.jornada.lead.LeadStateStore;
import io.jornada.support.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The channel beans as configured by default (e-mail to the outbox) and the outbox API. */
@SpringBootTest(
    classes = OutboxApiTest.ChannelOnly.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxApiTest {

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class
  })
  @Import({ChannelConfiguration.class, OutboxController.class, ChannelApiProblems.class})
  static class ChannelOnly {}

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("jornada.redis.url", () -> RedisServer.shared().url());
  }

  @LocalServerPort int port;
  @Autowired MessageSender sender;
  @Autowired LeadStateStore leads;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() {
    RedisServer.shared().flushAll();
  }

  @Test
  void shouldListEmailsRecordedInTheOutboxNewestFirst() throws Exception {
    // given
    leads.upsert(ChannelMessageSenderTest.ana(new Consent(true, true, false)));
    sender.send(new SendRequest("job-1", "ana", "email", "nurture-warm", Map.of()));
    SendOutcome last = sender.send(new SendRequest("job-2", "ana", "whatsapp", "nurture-hot", Map.of()));

    // when
    HttpResponse<String> response = get("/api/outbox?limit=1");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode messages = json.readTree(response.body());
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("messageId").asText()).isEqualTo(last.messageId());
    assertThat(messages.get(0).get("channel").asText()).isEqualTo("whatsapp");
    assertThat(messages.get(0).get("template").asText()).isEqualTo("nurture-hot");
    assertThat(json.readTree(get("/api/outbox").body())).hasSize(2);
  }

  @Test
  void shouldAnswerAnOutOfRangeLimitWith400Problem() throws Exception {
    // when
    HttpResponse<String> response = get("/api/outbox?limit=0");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(response.body()).get("detail").asText()).contains("limit");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
