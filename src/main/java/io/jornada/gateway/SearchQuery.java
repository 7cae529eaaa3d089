package io.jornada.gateway;

import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** A parsed search: which items match, in which order, which page of them. */
record SearchQuery<T>(Predicate<T> filter, Comparator<T> order, SearchPage page) {

  /** The requested page of the matching items, mapped to results, with the total number of matches. */
  <R> Result<R> run(Collection<T> all, Function<T, R> toResult) {
    List<T> matching = all.stream().filter(filter).sorted(order).toList();
    int from = page.from(matching.size());
    List<R> items = matching.stream().skip(from).limit(page.limit()).map(toResult).toList();
    return new Result<>(items, page.response(matching.size(), from, items.size()));
  }

  record Result<R>(List<R> items, SearchQueryPageResponse page) {}
}
