package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.jornada.lead.Consent;
import io.jornada.lead.JourneyMessage;
import io.jornada.lead.LeadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CamundaJourneySignalsTest {

  private static final JourneyProperties PROPERTIES =
      new JourneyProperties(Duration.ofHours(72), 3, 0.6, Duration.ofHours(1));

  @Test
  void shouldStartTheJourneyWithTheJourneySettings() throws Exception {
    try (var gateway = new RecordingGateway(0);
        CamundaClient client = gateway.client()) {
      // when
      new CamundaJourneySignals(client, PROPERTIES).leadCreated(lead());

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
      new CamundaJourneySignals(client, PROPERTIES)
          .publish(List.of(new JourneyMessage("lead-engaged", "lead-1", "evt-9", Duration.ofMinutes(5),
              Map.of("lastEngagement", Map.of("type", "email_click", "channel", "email")))));

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
