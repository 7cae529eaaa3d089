package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns one field's filter into a predicate over the field's value (null when the item has none): a
 * plain value means {@code $eq}; an object combines operators with AND. Empty {@code $in} and
 * {@code $notIn} lists, which the Camunda client always sends, constrain nothing.
 */
final class FilterConditions {

  private FilterConditions() {}

  static <V> Predicate<V> parse(String path, JsonNode condition, FilterValue<V> type) {
    if (!condition.isObject()) {
      V value = type.parse(path, condition);
      return v -> Objects.equals(v, value);
    }
    Predicate<V> predicate = v -> true;
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> operator = it.next();
      if (operator.getValue().isNull()) {
        continue;
      }
      if (!type.operators().contains(operator.getKey())) {
        throw new InvalidRequestException("Filter " + path + " does not support the operator '" + operator.getKey()
            + "'; supported: " + type.operators().stream().sorted().toList());
      }
      predicate = predicate.and(operator(path + "." + operator.getKey(), operator.getKey(), operator.getValue(), type));
    }
    return predicate;
  }

  @SuppressWarnings("unchecked")
  private static <V> Predicate<V> operator(String path, String name, JsonNode argument, FilterValue<V> type) {
    return switch (name) {
      case "$eq" -> {
        V value = type.parse(path, argument);
        yield v -> Objects.equals(v, value);
      }
      case "$neq" -> {
        V value = type.parse(path, argument);
        yield v -> !Objects.equals(v, value);
      }
      case "$exists" -> {
        boolean exists = FilterValue.BOOLEAN.parse(path, argument);
        yield v -> (v != null) == exists;
      }
      case "$in" -> {
        List<V> values = list(path, argument, type);
        yield values.isEmpty() ? v -> true : values::contains;
      }
      case "$notIn" -> {
        List<V> values = list(path, argument, type);
        yield v -> !values.contains(v);
      }
      case "$like" -> {
        Pattern pattern = like(FilterValue.STRING.parse(path, argument));
        yield v -> v != null && pattern.matcher(v.toString()).matches();
      }
      default -> {
        Comparable<Object> bound = (Comparable<Object>) type.parse(path, argument);
        yield v -> v != null && compares(name, bound.compareTo(v));
      }
    };
  }

  /** {@code bound.compareTo(value)} against the operator: {@code $gt} holds when the bound is below the value. */
  private static boolean compares(String operator, int boundVersusValue) {
    return switch (operator) {
      case "$gt" -> boundVersusValue < 0;
      case "$gte" -> boundVersusValue <= 0;
      case "$lt" -> boundVersusValue > 0;
      default -> boundVersusValue >= 0;
    };
  }

  private static <V> List<V> list(String path, JsonNode argument, FilterValue<V> type) {
    if (!argument.isArray()) {
      throw new InvalidRequestException("Expected " + path + " to be a list, but was " + argument);
    }
    List<V> values = new ArrayList<>();
    for (int i = 0; i < argument.size(); i++) {
      values.add(type.parse(path + "[" + i + "]", argument.get(i)));
    }
    return values;
  }

  /** {@code *} matches any characters, {@code ?} one; a backslash makes either literal. */
  private static Pattern like(String like) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
