package io.jornada.lead;

import java.time.Instant;
import java.util.Map;

/**
 * What Jornada knows about one lead at a moment: its attributes, consent and folded engagement.
 *
 * <p>This is the single input of the scoring feature pipeline, both when training on a synthetic
 * or historical population and when serving from Redis, so that both paths compute identical
 * features.
 *
 * @param eventCounts number of events seen per event type (for example {@code page_view},
 *     {@code pricing_view}, {@code email_open}, {@code email_click}, {@code form_submit},
 *     {@code whatsapp_reply})
 */
public record LeadProfile(
    String leadId,
    String name,
    String email,
    String phone,
    String city,
    String company,
    int companySize,
    String source,
    String funnelStage,
    Consent consent,
    String preferredChannel,
    Map<String, Integer> eventCounts,
    Instant createdAt,
    Instant lastEngagedAt) {

  public LeadProfile {
    eventCounts = Map.copyOf(eventCounts);
  }

  /** Events of one type seen so far; zero when none. */
  public int count(String eventType) {
    return eventCounts.getOrDefault(eventType, 0);
  }
}
