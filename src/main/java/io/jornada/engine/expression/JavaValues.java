package io.jornada.engine.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * FEEL and dmn-scala hand back Scala collections, wrapped Java collections and big decimals; the
 * engine stores plain JSON-like Java: maps, lists, longs, doubles, strings, booleans, null.
 */
public final class JavaValues {

  private JavaValues() {}

  public static Object toJava(Object value) {
    if (value instanceof scala.collection.Map<?, ?> map) {
      return toJava(CollectionConverters.asJava(map));
    }
    if (value instanceof scala.collection.Iterable<?> list) {
      return toJava(CollectionConverters.asJava(list));
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toJava(v)));
      return copy;
    }
    if (value instanceof Iterable<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(toJava(v)));
      return copy;
    }
    if (value instanceof scala.math.BigDecimal decimal) {
      return toJava(decimal.bigDecimal());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().scale() <= 0 ? (Object) decimal.longValue() : decimal.doubleValue();
    }
    return value;
  }
}
