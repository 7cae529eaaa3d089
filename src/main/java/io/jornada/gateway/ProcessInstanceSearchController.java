package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import io.jornada.engine.Engine;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Incident;
import io.jornada.engine.state.ProcessInstanceSummary;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2/process-instances/search}, filtered by process id, version, key and state, paged
 * with {@code from} and {@code limit}, oldest first.
 */
@RestController
@ConditionalOnEmbeddedEngine
class ProcessInstanceSearchController {

  private static final int DEFAULT_LIMIT = 100;

  private final Engine engine;

  ProcessInstanceSearchController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping("/v2/process-instances/search")
  CompletableFuture<ProcessInstanceSearchQueryResult> search(@RequestBody(required = false) JsonNode query) {
    JsonNode filter = query == null ? null : query.path("filter");
    Predicate<ProcessInstanceSummary> matches = filterOf(filter);
    int from = query == null ? 0 : nonNegative("page.from", query.path("page").path("from"), 0);
    int limit = query == null ? DEFAULT_LIMIT : nonNegative("page.limit", query.path("page").path("limit"), DEFAULT_LIMIT);
    return engine.query(state -> {
      List<ProcessInstanceSummary> all = state.instances().stream().filter(matches).toList();
      Set<Long> withIncident = state.incidents().stream().map(Incident::processInstanceKey).collect(Collectors.toSet());
      List<ProcessInstanceResult> items = all.stream().skip(from).limit(limit)
          .map(p -> withParent(toResult(p, withIncident.contains(p.key())), state, p.key())).toList();
      return new ProcessInstanceSearchQueryResult().items(items).page(new SearchQueryPageResponse().totalItems((long) all.size()));
    });
  }

  private static Predicate<ProcessInstanceSummary> filterOf(JsonNode filter) {
    Predicate<ProcessInstanceSummary> predicate = p -> true;
    if (filter == null || filter.isMissingNode() || filter.isNull()) {
      return predicate;
    }
    if (filter.hasNonNull("processDefinitionId")) {
      String id = exact(filter.get("processDefinitionId"));
      predicate = predicate.and(p -> p.bpmnProcessId().equals(id));
    }
    if (filter.hasNonNull("processDefinitionVersion")) {
      int version = nonNegative("filter.processDefinitionVersion", filter.get("processDefinitionVersion"), 0);
      predicate = predicate.and(p -> p.version() == version);
    }
    if (filter.hasNonNull("processInstanceKey")) {
      long key = Keys.parse("processInstanceKey", exact(filter.get("processInstanceKey")));
      predicate = predicate.and(p -> p.key() == key);
    }
    if (filter.hasNonNull("state")) {
      String state = exact(filter.get("state"));
      predicate = predicate.and(p -> p.state().name().equals(state));
    }
    return predicate;
  }

  private static int nonNegative(String name, JsonNode node, int absent) {
    if (node.isMissingNode() || node.isNull()) {
      return absent;
    }
    String text = exact(node);
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException("Expected " + name + " to be a whole number of zero or more, but was '" + text + "'");
  }

  /** Filters come as a plain value or as {@code {"$eq": value}}. */
  private static String exact(JsonNode value) {
    if (value.isObject()) {
      if (!value.has("$eq")) {
        throw new InvalidRequestException("Only equality filters ($eq) are supported, but got " + value);
      }
      return value.get("$eq").asText();
    }
    return value.asText();
  }

  /** The parent keys of an instance created by a call activity; absent for a root instance. */
  private static ProcessInstanceResult withParent(ProcessInstanceResult result, EngineState state, long processInstanceKey) {
    state.parentProcessInstance(processInstanceKey).ifPresent(parent -> result.parentProcessInstanceKey(Keys.format(parent)));
    state.callingElementInstance(processInstanceKey).ifPresent(caller -> result.parentElementInstanceKey(Keys.format(caller)));
    return result;
  }

  private static ProcessInstanceResult toResult(ProcessInstanceSummary p, boolean hasIncident) {
    return new ProcessInstanceResult()
        .processInstanceKey(Keys.format(p.key()))
        .processDefinitionId(p.bpmnProcessId())
        .processDefinitionVersion(p.version())
        .processDefinitionKey(Keys.format(p.processDefinitionKey()))
        .state(ProcessInstanceStateEnum.fromValue(p.state().name()))
        .startDate(Instant.ofEpochMilli(p.startDate()).toString())
        .endDate(p.endDate() < 0 ? null : Instant.ofEpochMilli(p.endDate()).toString())
        .hasIncident(hasIncident)
        .tenantId(DeploymentController.TENANT);
  }
}
