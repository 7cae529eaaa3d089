package io.jornada.gateway;

import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.jornada.gateway.history.HistoryView;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** A parsed search: which items match, in which order, which page of them. */
record SearchQuery<T>(SearchQuery.Condition<T> filter, Comparator<T> order, SearchPage page) {

  /** What an item must satisfy, given the history the search runs on. */
  @FunctionalInterface
  interface Condition<T> {

    Predicate<T> on(HistoryView view);

    /** Every condition holds (none given: any item). */
    static <T> Condition<T> all(List<Condition<T>> conditions) {
      return view -> {
        List<Predicate<T>> predicates = conditions.stream().map(c -> c.on(view)).toList();
        return item -> predicates.stream().allMatch(p -> p.test(item));
      };
    }

    /** One of the conditions holds (none given: any item). */
    static <T> Condition<T> any(List<Condition<T>> conditions) {
      if (conditions.isEmpty()) {
        return view -> item -> true;
      }
      return view -> {
        List<Predicate<T>> predicates = conditions.stream().map(c -> c.on(view)).toList();
        return item -> predicates.stream().anyMatch(p -> p.test(item));
      };
    }
  }

  /** The requested page of the items of {@code view} that match, mapped to results, with the number of matches. */
  <R> Result<R> run(HistoryView view, Collection<T> all, Function<T, R> toResult) {
    List<T> matching = all.stream().filter(filter.on(view)).sorted(order).toList();
    int from = page.from(matching.size());
    List<R> items = matching.stream().skip(from).limit(page.limit()).map(toResult).toList();
    return new Result<>(items, page.response(matching.size(), from, items.size()));
  }

  record Result<R>(List<R> items, SearchQueryPageResponse page) {}
}
