package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What a search endpoint can filter and sort by, and the one parser of its request body ({@code
 * filter}, {@code sort}, {@code page}) into a {@link SearchQuery}. Filter fields the client sends
 * empty by default ({@code []}, {@code {}}) are ignored when unknown; any other unknown field,
 * operator, sort field or malformed value is a 400.
 */
final class SearchSchema<T> {

  private final Comparator<T> byKey;
  private final Map<String, Function<JsonNode, SearchQuery.Condition<T>>> filters = new HashMap<>();
  private final Map<String, Function<Comparator<Comparable<Object>>, Comparator<T>>> sorts = new HashMap<>();
  private boolean orFilters;

  /**
   * A schema for items identified by {@code key}: the default order and the tie-breaker of every
   * sort. Every item has {@code tenantId}, the one tenant there is.
   */
  SearchSchema(ToLongFunction<T> key) {
    this.byKey = Comparator.comparingLong(key);
    field("tenantId", FilterValue.STRING, item -> DeploymentController.TENANT);
  }

  /** A field one can filter and sort by; items without a value sort last in either order. */
  @SuppressWarnings("unchecked")
  <V extends Comparable<? super V>> SearchSchema<T> field(String name, FilterValue<V> type, Function<T, V> value) {
    filter(name, type, value);
    sorts.put(name, direction -> Comparator.comparing(item -> (Comparable<Object>) value.apply(item), Comparator.nullsLast(direction)));
    return this;
  }

  /** A field one can filter by only. */
  <V> SearchSchema<T> filter(String name, FilterValue<V> type, Function<T, V> value) {
    filters.put(name, condition -> {
      Predicate<V> matches = FilterConditions.parse("filter." + name, condition, type);
      Predicate<T> predicate = item -> matches.test(value.apply(item));
      return view -> predicate;
    });
    return this;
  }

  /** A filter that needs more of the history than the item, parsed by {@code parser} from the field's value. */
  SearchSchema<T> filter(String name, Function<JsonNode, SearchQuery.Condition<T>> parser) {
    filters.put(name, parser);
    return this;
  }

  /** Accepts {@code $or}: a list of filters of this schema, one of which an item must match. */
  SearchSchema<T> withOrFilters() {
    orFilters = true;
    return this;
  }

  SearchQuery<T> parse(JsonNode body) {
    JsonNode query = body == null || body.isNull() ? MissingNode.getInstance() : body;
    if (!query.isMissingNode() && !query.isObject()) {
      throw new InvalidRequestException("Expected the search query to be a JSON object, but was " + query);
    }
    return new SearchQuery<>(filter(query.path("filter"), "filter", orFilters), order(query.path("sort")), SearchPage.parse(query.path("page")));
  }

  private SearchQuery.Condition<T> filter(JsonNode filter, String path, boolean allowOr) {
    List<SearchQuery.Condition<T>> all = new ArrayList<>();
    if (filter.isMissingNode() || filter.isNull()) {
      return SearchQuery.Condition.all(all);
    }
    if (!filter.isObject()) {
      throw new InvalidRequestException("Expected " + path + " to be a JSON object, but was " + filter);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode condition = field.getValue();
      if (condition.isNull()) {
        continue;
      }
      if (allowOr && field.getKey().equals("$or")) {
        all.add(anyOf(condition, path + ".$or"));
      } else if (filters.containsKey(field.getKey())) {
        all.add(filters.get(field.getKey()).apply(condition));
      } else if (!(condition.isContainerNode() && condition.isEmpty())) {
        throw new InvalidRequestException("The embedded engine cannot filter by " + path + "." + field.getKey()
            + "; it filters by " + filters.keySet().stream().sorted().toList());
      }
    }
    return SearchQuery.Condition.all(all);
  }

  private SearchQuery.Condition<T> anyOf(JsonNode alternatives, String path) {
    if (!alternatives.isArray()) {
      throw new InvalidRequestException("Expected " + path + " to be a list of filters, but was " + alternatives);
    }
    List<SearchQuery.Condition<T>> any = new ArrayList<>();
    for (int i = 0; i < alternatives.size(); i++) {
      any.add(filter(alternatives.get(i), path + "[" + i + "]", false));
    }
    return SearchQuery.Condition.any(any);
  }

  private Comparator<T> order(JsonNode sort) {
    if (sort.isMissingNode() || sort.isNull()) {
      return byKey;
    }
    if (!sort.isArray()) {
      throw new InvalidRequestException("Expected sort to be a list of {field, order}, but was " + sort);
    }
    Comparator<T> order = null;
    for (int i = 0; i < sort.size(); i++) {
      Comparator<T> next = sortField(sort.get(i), "sort[" + i + "]");
      order = order == null ? next : order.thenComparing(next);
    }
    return order == null ? byKey : order.thenComparing(byKey);
  }

  private Comparator<T> sortField(JsonNode sort, String path) {
    String field = sort.path("field").asText();
    var comparator = sorts.get(field);
    if (comparator == null) {
      throw new InvalidRequestException("The embedded engine cannot sort by " + path + ".field '" + field
          + "'; it sorts by " + sorts.keySet().stream().sorted().toList());
    }
    String order = sort.path("order").isMissingNode() || sort.path("order").isNull() ? "ASC" : sort.path("order").asText();
    return switch (order.toUpperCase(Locale.ROOT)) {
      case "ASC" -> comparator.apply(Comparator.naturalOrder());
      case "DESC" -> comparator.apply(Comparator.reverseOrder());
      default -> throw new InvalidRequestException("Expected " + path + ".order to be ASC or DESC, but was '" + order + "'");
    };
  }
}
