package io.jornada.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The journey outbox stream: one entry per message for journeys, appended by the Lua scripts that
 * record an event, change a segment membership or replace a lead's score (so a message exists
 * exactly when its cause was stored), and read back by {@link OutboxPublisher}. Entry fields:
 * {@code name}, {@code key} (the lead id), {@code id} (the message id), {@code ttl} (millis),
 * {@code variables} (JSON) and {@code merge} ({@code 1} when several entries of the same lead and
 * name may become one publication).
 *
 * <p>Every script that appends (recording events, segment changes, and scoring's crossings outside
 * this package) does it through the Lua function {@link #LUA_APPEND}, so the entry's fields are
 * written in one place; public for scoring, which also gets the stream's {@link #key} and {@link
 * #variablesJson}.
 */
public final class JourneyOutbox {

  /**
   * Defines the Lua function {@code append_journey_message(outbox, name, key, id, ttl, variables,
   * merge)}, which appends one entry to the outbox stream {@code outbox}: {@code key} the lead id,
   * {@code id} the message id, {@code ttl} millis, {@code variables} from {@link #variablesJson},
   * {@code merge} {@code '1'} or {@code '0'}. Put it at the start of a script that appends.
   */
  public static final String LUA_APPEND =
      """
      local function append_journey_message(outbox, name, key, id, ttl, variables, merge)
        redis.call('XADD', outbox, '*', 'name', name, 'key', key, 'id', id, 'ttl', ttl,
          'variables', variables, 'merge', merge)
      end
      """;

  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {};

  /**
   * Its own plain mapper: variables are plain JSON, and a shared mapper with modules found on the
   * classpath (Scala's, through dmn-scala) would read nested objects back as foreign collections.
   */
  private final ObjectMapper json = new ObjectMapper();
  private final String key;

  /** @param key the outbox stream ({@code jornada.lead.correlation.outbox.key}) */
  public JourneyOutbox(String key) {
    this.key = key;
  }

  /** The outbox stream's key. */
  public String key() {
    return key;
  }

  /** The variables as the {@code variables} field stores them. */
  public String variablesJson(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("journey message variables are not serializable as JSON", e);
    }
  }

  /**
   * The message an entry holds, or {@code null} for an entry deleted while pending or one that is
   * not a message (nothing to publish; it is acknowledged).
   */
  Entry read(StreamEntry entry) {
    Map<String, String> fields = entry.getFields();
    if (fields == null || fields.get("name") == null || fields.get("key") == null || fields.get("id") == null) {
      return null;
    }
    Map<String, Object> variables;
    try {
      variables = json.readValue(fields.getOrDefault("variables", "{}"), VARIABLES);
    } catch (JsonProcessingException e) {
      return null;
    }
    JourneyMessage message =
        new JourneyMessage(
            fields.get("name"),
            fields.get("key"),
            fields.get("id"),
            Duration.ofMillis(Long.parseLong(fields.getOrDefault("ttl", "0"))),
            variables);
    return new Entry(entry.getID(), message, "1".equals(fields.get("merge")));
  }

  /** One outbox entry: the message and whether it may merge with others of its lead and name. */
  record Entry(StreamEntryID id, JourneyMessage message, boolean mergeable) {}
}
