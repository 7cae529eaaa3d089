package io.jornada.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The type of a filterable field: the operators it takes and how one value is read from JSON.
 * Values compare with {@code equals}; ordered types also with {@code $gt}, {@code $gte}, {@code
 * $lt}, {@code $lte}; text types with {@code $like}.
 */
record FilterValue<V>(Set<String> operators, FilterValue.Reader<V> reader) {

  /** Reads one value; throws {@link InvalidRequestException} naming {@code path} when it is not one. */
  @FunctionalInterface
  interface Reader<V> {
    V read(String path, JsonNode node);
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Set<String> EQUALITY = Set.of("$eq", "$neq", "$exists", "$in", "$notIn");
  private static final Set<String> ORDERED = Set.of("$eq", "$neq", "$exists", "$in", "$gt", "$gte", "$lt", "$lte");
  private static final Set<String> TEXT = Set.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like");

  static final FilterValue<String> STRING = new FilterValue<>(TEXT, (path, node) -> {
    if (!node.isValueNode()) {
      throw new InvalidRequestException("Expected " + path + " to be a string, but was " + node);
    }
    return node.asText();
  });

  static final FilterValue<Long> KEY = new FilterValue<>(EQUALITY, (path, node) -> Keys.parse(path, node.asText()));

  static final FilterValue<Integer> INTEGER = new FilterValue<>(ORDERED, (path, node) -> {
    if (node.isInt() || (node.isTextual() && node.asText().matches("-?\\d{1,9}"))) {
      return node.asInt();
    }
    throw new InvalidRequestException("Expected " + path + " to be a whole number, but was " + node);
  });

  static final FilterValue<Instant> DATE_TIME = new FilterValue<>(ORDERED, (path, node) -> {
    try {
      return OffsetDateTime.parse(node.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("Expected " + path + " to be an ISO-8601 date-time with offset, but was " + node);
    }
  });

  static final FilterValue<Boolean> BOOLEAN = new FilterValue<>(Set.of("$eq", "$neq", "$exists"), (path, node) -> {
    if (!node.isBoolean()) {
      throw new InvalidRequestException("Expected " + path + " to be true or false, but was " + node);
    }
    return node.booleanValue();
  });

  /**
   * A variable value as JSON text. Text that is not JSON is taken as a JSON string, so {@code o-1}
   * matches the value {@code "o-1"}: the client's {@code variables(Map)} sends values that way.
   * JSON is written compactly, as values are stored.
   */
  static final FilterValue<String> JSON_TEXT = new FilterValue<>(TEXT, (path, node) -> {
    String text = STRING.parse(path, node);
    try {
      JsonNode json = JSON.readTree(text);
      return json == null || json.isMissingNode() ? JSON.writeValueAsString(text) : JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      try {
        return JSON.writeValueAsString(text);
      } catch (JsonProcessingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  });

  /** The name of one of {@code values}, such as a state (the client's catch-all for unknown values excluded). */
  static FilterValue<String> oneOf(Enum<?>[] values) {
    Set<String> names = Arrays.stream(values).map(Enum::name).filter(name -> !name.equals("UNKNOWN_DEFAULT_OPEN_API"))
        .collect(Collectors.toUnmodifiableSet());
    return new FilterValue<>(TEXT, (path, node) -> {
      if (!node.isTextual() || !names.contains(node.asText())) {
        throw new InvalidRequestException("Expected " + path + " to be one of " + names.stream().sorted().toList() + ", but was " + node);
      }
      return node.asText();
    });
  }

  V parse(String path, JsonNode node) {
    return reader.read(path, node);
  }
}
