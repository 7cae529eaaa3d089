package io.jornada.lead;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request body into events: a JSON array, or NDJSON (one JSON object per line). Each
 * event is validated on its own, so one bad event does not reject its batch.
 */
final class EventBatchReader {

  private final EventValidator validator;
  private final ObjectMapper json;
  private final int maxBatchEvents;

  EventBatchReader(EventValidator validator, ObjectMapper json, IngestProperties properties) {
    this.validator = validator;
    this.json = json;
    this.maxBatchEvents = properties.maxBatchEvents();
  }

  /** A JSON array of events. Only a body that is not a JSON array at all is invalid as a whole. */
  Batch readArray(byte[] body, Instant now) {
    Batch batch = new Batch();
    try (JsonParser parser = json.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new InvalidRequestException(List.of("body must be a JSON array of events (or NDJSON with Content-Type application/x-ndjson)"));
      }
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        long start = parser.currentTokenLocation().getByteOffset();
        JsonNode node = parser.readValueAsTree();
        long end = parser.currentLocation().getByteOffset();
        add(batch, node, (int) (end - start), index++, now);
      }
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          List.of("body is not valid JSON (line %d, column %d)"
              .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr())));
    } catch (IOException e) {
      throw new InvalidRequestException(List.of("body could not be read"));
    }
    return batch;
  }

  /** NDJSON: each non-blank line is one event; a line that is not JSON rejects that event only. */
  Batch readNdjson(byte[] body, Instant now) {
    Batch batch = new Batch();
    int index = 0;
    int lineStart = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        int length = i - lineStart;
        if (!isBlank(body, lineStart, i)) {
          JsonNode node;
          try {
            node = json.readTree(body, lineStart, length);
          } catch (IOException e) {
            batch.rejected.add(new EventValidator.Rejection(index++, null, "line is not valid JSON"));
            lineStart = i + 1;
            continue;
          }
          add(batch, node, length, index++, now);
        }
        lineStart = i + 1;
      }
    }
    return batch;
  }

  private void add(Batch batch, JsonNode node, int size, int index, Instant now) {
    if (index >= maxBatchEvents) {
      batch.rejected.add(new EventValidator.Rejection(index, null, "more than " + maxBatchEvents + " events in one request"));
      return;
    }
    EventValidator.Result result = validator.validate(node, size, index, now);
    if (result.event() != null) {
      batch.events.add(result.event());
      batch.indexes.add(index);
    } else {
      batch.rejected.add(result.rejection());
    }
  }

  private static boolean isBlank(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(body[i])) {
        return false;
      }
    }
    return true;
  }

  /** Valid events with their index in the request, and the rejected ones. */
  static final class Batch {
    final List<LeadEvent> events = new ArrayList<>();
    final List<Integer> indexes = new ArrayList<>();
    final List<EventValidator.Rejection> rejected = new ArrayList<>();
  }
}
