package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The type of a filterable field: how a filter value is read from JSON and which operators apply.
 * Values compare with {@code equals}; ordered types also with {@code $gt}, {@code $gte}, {@code
 * $lt}, {@code $lte}; text types with {@code $like}.
 */
interface FilterValue<V> {

  Set<String> EQUALITY = Set.of("$eq", "$neq", "$exists", "$in", "$notIn");
  Set<String> ORDERED = Set.of("$eq", "$neq", "$exists", "$in", "$gt", "$gte", "$lt", "$lte");
  Set<String> TEXT = Set.of("$eq", "$neq", "$exists", "$in", "$notIn", "$like");

  /** Reads one value; throws {@link InvalidRequestException} naming {@code path} when it is not one. */
  V parse(String path, JsonNode node);

  Set<String> operators();

  FilterValue<String> STRING = new FilterValue<>() {
    @Override
    public String parse(String path, JsonNode node) {
      if (!node.isValueNode()) {
        throw new InvalidRequestException("Expected " + path + " to be a string, but was " + node);
      }
      return node.asText();
    }

    @Override
    public Set<String> operators() {
      return TEXT;
    }
  };

  FilterValue<Long> KEY = new FilterValue<>() {
    @Override
    public Long parse(String path, JsonNode node) {
      return Keys.parse(path, node.asText());
    }

    @Override
    public Set<String> operators() {
      return EQUALITY;
    }
  };

  FilterValue<Integer> INTEGER = new FilterValue<>() {
    @Override
    public Integer parse(String path, JsonNode node) {
      if (node.isInt() || (node.isTextual() && node.asText().matches("-?\\d{1,9}"))) {
        return node.asInt();
      }
      throw new InvalidRequestException("Expected " + path + " to be a whole number, but was " + node);
    }

    @Override
    public Set<String> operators() {
      return ORDERED;
    }
  };

  FilterValue<Instant> DATE_TIME = new FilterValue<>() {
    @Override
    public Instant parse(String path, JsonNode node) {
      try {
        return OffsetDateTime.parse(node.asText()).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException("Expected " + path + " to be an ISO-8601 date-time with offset, but was " + node);
      }
    }

    @Override
    public Set<String> operators() {
      return ORDERED;
    }
  };

  FilterValue<Boolean> BOOLEAN = new FilterValue<>() {
    @Override
    public Boolean parse(String path, JsonNode node) {
      if (!node.isBoolean()) {
        throw new InvalidRequestException("Expected " + path + " to be true or false, but was " + node);
      }
      return node.booleanValue();
    }

    @Override
    public Set<String> operators() {
      return Set.of("$eq", "$neq", "$exists");
    }
  };

  /** The name of one of {@code values}, such as a state. */
  static FilterValue<String> oneOf(Enum<?>[] values) {
    return oneOf(Arrays.stream(values).map(Enum::name).filter(name -> !name.equals("UNKNOWN_DEFAULT_OPEN_API"))
        .collect(Collectors.toUnmodifiableSet()));
  }

  /** One of a fixed set of names. */
  private static FilterValue<String> oneOf(Set<String> names) {
    return new FilterValue<>() {
      @Override
      public String parse(String path, JsonNode node) {
        String name = node.asText();
        if (!node.isTextual() || !names.contains(name)) {
          throw new InvalidRequestException("Expected " + path + " to be one of " + names.stream().sorted().toList() + ", but was " + node);
        }
        return name;
      }

      @Override
      public Set<String> operators() {
        return TEXT;
      }
    };
  }
}
