package io.jornada.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lead state settings.
 *
 * @param engagementTypes event types that count as engagement: they move {@code lastEngagedAt}
 *     (which event types wake journeys is {@link CorrelationProperties})
 * @param timelineLength about how many recent events each lead's timeline keeps
 * @param eventDedupeWindow how long an eventId is remembered to drop redelivered events
 * @param signalWindow how recent an event must be to wake a waiting journey; older
 *     events (a CRM backfill, an import of history) update the lead's state but move no journey
 */
@ConfigurationProperties("jornada.lead")
public record LeadProperties(
    @DefaultValue({
          "email_open", "email_click", "form_submit", "whatsapp_inbound", "sms_inbound",
          "chat_message", "push_open", "purchase", "whatsapp_reply", "pricing_view"
        })
        List<String> engagementTypes,
    @DefaultValue("1000") int timelineLength,
    @DefaultValue("7d") Duration eventDedupeWindow,
    @DefaultValue("1h") Duration signalWindow) {

  public LeadProperties {
    engagementTypes = List.copyOf(engagementTypes);
    if (timelineLength < 1) {
      throw new IllegalArgumentException("jornada.lead.timeline-length must be positive");
    }
    if (eventDedupeWindow.toSeconds() < 1) {
      throw new IllegalArgumentException("jornada.lead.event-dedupe-window must be at least 1s");
    }
  }

  /** The defaults, for code that runs without Spring. */
  public static LeadProperties defaults() {
    return new LeadProperties(
        List.of(
            "email_open", "email_click", "form_submit", "whatsapp_inbound", "sms_inbound",
            "chat_message", "push_open", "purchase", "whatsapp_reply", "pricing_view"),
        1000,
        Duration.ofDays(7),
        Duration.ofHours(1));
  }

  boolean isEngagement(String eventType) {
    return engagementTypes.contains(eventType);
  }

  /** An event that happened recently enough for journeys to react to it. */
  boolean isRecent(LeadEvent event, Instant now) {
    return !event.occurredAt().isBefore(now.minus(signalWindow));
  }
}
