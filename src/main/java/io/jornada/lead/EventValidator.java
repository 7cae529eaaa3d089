package io.jornada.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one event against {@code docs/lead-event.schema.json} and converts it. Reasons name the
 * field, never its value: events carry personal data.
 */
final class EventValidator {

  private static final Pattern ID = LeadRequest.ID;
  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final Set<String> FIELDS =
      Set.of("eventId", "leadId", "type", "occurredAt", "channel", "properties");

  private final Set<String> eventTypes;
  private final int maxEventBytes;
  private final ObjectMapper json;

  EventValidator(IngestProperties properties, ObjectMapper json) {
    this.eventTypes = Set.copyOf(properties.eventTypes());
    this.maxEventBytes = properties.maxEventBytes();
    this.json = json;
  }

  /**
   * The event, or why it is rejected. A missing occurredAt is {@code now}.
   *
   * @param sizeBytes the event's serialized size
   */
  Result validate(JsonNode node, int sizeBytes, int index, Instant now) {
    String eventId = node != null && node.path("eventId").isTextual() ? node.get("eventId").asText() : null;
    if (sizeBytes > maxEventBytes) {
      return reject(index, eventId, "event is " + sizeBytes + " bytes, more than the limit of " + maxEventBytes);
    }
    if (node == null || !node.isObject()) {
      return reject(index, null, "event must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        return reject(index, eventId, "unknown field '" + name + "'");
      }
    }
    if (eventId == null || !ID.matcher(eventId).matches()) {
      return reject(index, null, "eventId is required: 1-128 letters, digits, '.', '_', ':' or '-'");
    }
    String leadId = text(node, "leadId");
    if (leadId == null || !ID.matcher(leadId).matches()) {
      return reject(index, eventId, "leadId is required: 1-128 letters, digits, '.', '_', ':' or '-'");
    }
    String type = text(node, "type");
    if (type == null || !eventTypes.contains(type)) {
      return reject(index, eventId, "type is required and must be one of " + eventTypes.stream().sorted().toList());
    }
    String channel = text(node, "channel");
    if (node.has("channel") && !node.get("channel").isNull()
        && (channel == null || !CHANNEL.matcher(channel).matches())) {
      return reject(index, eventId, "channel must be lower_snake_case, for example whatsapp");
    }
    Instant occurredAt = now;
    if (node.has("occurredAt") && !node.get("occurredAt").isNull()) {
      try {
        occurredAt = Instant.parse(node.get("occurredAt").asText());
      } catch (DateTimeParseException e) {
        return reject(index, eventId, "occurredAt must be an ISO-8601 instant, for example 2025-03-10T12:00:00Z");
      }
    }
    JsonNode properties = node.get("properties");
    if (properties != null && !properties.isNull() && !properties.isObject()) {
      return reject(index, eventId, "properties must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values =
        properties == null || properties.isNull() ? Map.of() : json.convertValue(properties, Map.class);
    return new Result(new LeadEvent(eventId, leadId, type, occurredAt, channel, values), null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static Result reject(int index, String eventId, String reason) {
    return new Result(null, new Rejection(index, eventId, reason));
  }

  /** Exactly one of event and rejection is set. */
  record Result(LeadEvent event, Rejection rejection) {}

  /** Why the event at {@code index} (0-based, in the request or the stream batch) was not accepted. */
  record Rejection(int index, String eventId, String reason) {}
}
