package io.jornada.lead;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which lead events journeys hear about, as messages correlated by lead id.
 *
 * @param messages event type → message name; event types not listed wake no journey
 * @param timeToLive how long a published message waits (buffered) for a journey to catch it
 * @param segmentEntered message published when a lead enters a segment
 * @param segmentExited message published when a lead leaves a segment
 */
@ConfigurationProperties("jornada.lead.correlation")
public record CorrelationProperties(
    Map<String, String> messages,
    @DefaultValue("1h") Duration timeToLive,
    @DefaultValue("segment-entered") String segmentEntered,
    @DefaultValue("segment-exited") String segmentExited) {

  public CorrelationProperties {
    messages = messages == null ? defaultMessages() : Map.copyOf(messages);
  }

  /** The defaults, for code that runs without Spring. */
  public static CorrelationProperties defaults() {
    return new CorrelationProperties(null, Duration.ofHours(1), "segment-entered", "segment-exited");
  }

  Optional<String> messageFor(String eventType) {
    return Optional.ofNullable(messages.get(eventType));
  }

  /** Every engagement the nurture journey waits for at {@code await-engagement}. */
  private static Map<String, String> defaultMessages() {
    Map<String, String> defaults = new HashMap<>();
    for (String type :
        new String[] {
          "email_open", "email_click", "form_submit", "whatsapp_inbound", "sms_inbound",
          "chat_message", "push_open", "pricing_view", "whatsapp_reply"
        }) {
      defaults.put(type, "lead-engaged");
    }
    return defaults;
  }
}
