package io.jornada.lead;

import java.time.Instant;
import java.util.Map;

/** One thing a lead did, as it arrives from a site, a channel or a CRM. */
public record LeadEvent(
    String eventId,
    String leadId,
    String type,
    Instant occurredAt,
    String channel,
    Map<String, Object> properties) {

  public LeadEvent {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
