package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.jornada.lead.Consent;
import io.jornada.lead.CorrelationProperties;
import io.jornada.lead.JourneyMessage;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.MessageRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CamundaJourneySignalsTest {

  private static final JourneyProperties PROPERTIES =
      new JourneyProperties(Duration.ofHours(72), 3, 0.6);

  @Test
  void shouldStartTheJourneyWithTheJourneySettings() throws Exception {
    try (var gateway = new RecordingGateway(0);
        CamundaClient client = gateway.client()) {
      // when
      signals(client).leadCreated(lead());

      // then
      JsonNode body = onlyPublication(gateway);
      assertThat(body.path("name").asText()).isEqualTo("lead-created");
      assertThat(body.path("correlationKey").asText()).isEqualTo("lead-1");
      assertThat(body.path("timeToLive").asLong()).isEqualTo(3_600_000L);
      assertThat(body.path("variables").path("leadId").asText()).isEqualTo("lead-1");
      assertThat(body.path("variables").path("engagementWait").asText()).isEqualTo("PT72H");
      assertThat(body.path("variables").path("maxAttempts").asInt()).isEqualTo(3);
      assertThat(body.path("variables").path("handOffThreshold").asDouble()).isEqualTo(0.6);
      assertThat(body.path("variables").has("name")).as("no personal data in messages").isFalse();
    }
  }

  @Test
  void shouldPublishTheMessageWithItsIdAndTimeToLive() throws Exception {
    try (var gateway = new RecordingGateway(0);
        CamundaClient client = gateway.client()) {
      // when
      signals(client).publish(engaged()).join();

      // then
      JsonNode body = onlyPublication(gateway);
      assertThat(body.path("name").asText()).isEqualTo("lead-engaged");
      assertThat(body.path("correlationKey").asText()).isEqualTo("lead-1");
      assertThat(body.path("messageId").asText()).isEqualTo("evt-9");
      assertThat(body.path("timeToLive").asLong()).isEqualTo(300_000L);
      assertThat(body.path("variables").path("lastEngagement"))
          .isEqualTo(new ObjectMapper().readTree("{\"type\":\"email_click\",\"channel\":\"email\"}"));
    }
  }

  @Test
  void shouldCountAMessageIdTheEngineAlreadyHasAsPublished() throws Exception {
    try (var gateway = new RecordingGateway(0);
        CamundaClient client = gateway.client()) {
      // given: the engine answers 409, as for a message published again after a crash
      gateway.conflicts.set(1);

      // when
      CompletableFuture<Void> published = signals(client).publish(engaged());

      // then
      assertThat(published).succeedsWithin(Duration.ofSeconds(10));
      assertThat(onlyPublication(gateway).path("messageId").asText()).isEqualTo("evt-9");
    }
  }

  @Test
  void shouldFailAPublicationTheGatewayRefuses() throws Exception {
    try (var gateway = new RecordingGateway(1);
        CamundaClient client = gateway.client()) {
      // when
      CompletableFuture<Void> published = signals(client).publish(engaged());

      // then: the outbox keeps the message and tries again (it is not refused for good)
      assertThat(published).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
          .havingCause().isNotInstanceOf(MessageRefusedException.class);
    }
  }

  @Test
  void shouldPublishAThrottledMessageOnceTheEngineTakesItAgain() throws Exception {
    try (var gateway = new RecordingGateway(0);
        CamundaClient client = gateway.client()) {
      // given: the engine answers the first attempt 429, too many requests
      gateway.throttled.set(1);

      // when
      CompletableFuture<Void> published = signals(client).publish(engaged());

      // then: a 4xx about the moment, not the message: tried again (by the client), never refused
      assertThat(published).succeedsWithin(Duration.ofSeconds(10));
      assertThat(gateway.calls).filteredOn(call -> call.path().equals("/v2/messages/publication")).hasSize(2);
    }
  }

  @Test
  void shouldReportAMessageTheEngineRefusesAsRefused() throws Exception {
    try (var gateway = new RecordingGateway(0);
        CamundaClient client = gateway.client()) {
      // given
      gateway.refusals.set(1);

      // when
      CompletableFuture<Void> published = signals(client).publish(engaged());

      // then: the outbox sets it aside instead of retrying it for ever
      assertThat(published).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOf(MessageRefusedException.class).withMessageContaining("400");
    }
  }

  @Test
  void shouldCatchOnlyTheMessagesOfTheDeployedJourneys() throws Exception {
    try (var gateway = new RecordingGateway(0);
        CamundaClient client = gateway.client()) {
      // when
      CamundaJourneySignals signals = signals(client);

      // then: lead-nurture.bpmn waits for lead-engaged and lead-hot; no journey waits for segments
      assertThat(signals.catches("lead-engaged")).isTrue();
      assertThat(signals.catches("lead-hot")).isTrue();
      assertThat(signals.catches("segment-entered")).isFalse();
      assertThat(signals.catches("segment-exited")).isFalse();
    }
  }

  private static CamundaJourneySignals signals(CamundaClient client) {
    return new CamundaJourneySignals(client, PROPERTIES, CorrelationProperties.defaults(), new JourneyDeployer(client));
  }

  private static JourneyMessage engaged() {
    return new JourneyMessage("lead-engaged", "lead-1", "evt-9", Duration.ofMinutes(5),
        Map.of("lastEngagement", Map.of("type", "email_click", "channel", "email")));
  }

  private static JsonNode onlyPublication(RecordingGateway gateway) throws Exception {
    assertThat(gateway.calls).singleElement().extracting(RecordingGateway.Call::path)
        .isEqualTo("/v2/messages/publication");
    return new ObjectMapper().readTree(gateway.calls.get(0).body());
  }

  private static LeadProfile lead() {
    return new LeadProfile(
        "lead-1", "Ana", "ana@example.com", null, null, null, 10, "organic", "awareness",
        Consent.none(), null, Map.of(), Instant.now(), null);
  }
}
