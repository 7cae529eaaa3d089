package io.jornada.engine.journal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.jornada.engine.event.EngineEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes a batch of events as JSON, each tagged with its record name. Names, not class names, go
 * to disk, so classes may move without breaking old journals. Whole numbers decode as longs, the
 * way FEEL produces them, so a replayed variable equals the one first written.
 */
final class EventCodec {

  private static final TypeReference<List<EngineEvent>> BATCH = new TypeReference<>() {};

  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.USE_LONG_FOR_INTS, true)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .addMixIn(EngineEvent.class, Tagged.class);

  EventCodec() {
    for (Class<?> type : EngineEvent.class.getPermittedSubclasses()) {
      json.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
  }

  byte[] encode(List<EngineEvent> events) {
    try {
      return json.writerFor(BATCH).writeValueAsBytes(events);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to encode events", e);
    }
  }

  List<EngineEvent> decode(byte[] bytes) {
    try {
      return json.readValue(bytes, BATCH);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to decode a journal record", e);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@event")
  private interface Tagged {}
}
