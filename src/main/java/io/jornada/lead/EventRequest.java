package io.jornada.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The JSON body of {@code POST /api/leads/{id}/events}. */
record EventRequest(
    String eventId, String type, Instant occurredAt, String channel, Map<String, Object> properties) {

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  /** Validates and converts; a missing eventId gets a new UUID, a missing occurredAt is now. */
  LeadEvent toEvent(String leadId, Instant now) {
    List<String> errors = new ArrayList<>();
    if (eventId != null && !LeadRequest.ID.matcher(eventId).matches()) {
      errors.add("eventId must be 1-128 letters, digits, '.', '_', ':' or '-'");
    }
    if (type == null || type.isBlank()) {
      errors.add("type is required");
    } else if (!TYPE.matcher(type).matches()) {
      errors.add("type must be lower_snake_case, for example email_open");
    }
    if (channel != null && !CHANNEL.matcher(channel).matches()) {
      errors.add("channel must be lower_snake_case, for example whatsapp");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new LeadEvent(
        eventId != null ? eventId : UUID.randomUUID().toString(),
        leadId,
        type,
        occurredAt != null ? occurredAt : now,
        channel,
        properties);
  }
}
