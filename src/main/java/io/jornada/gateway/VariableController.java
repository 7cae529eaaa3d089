package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.VariableResult;
import io.camunda.client.protocol.rest.VariableSearchQueryResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import io.jornada.gateway.history.EngineHistory;
import io.jornada.gateway.history.VariableEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Variables from the search history, with their values as JSON text: {@code POST
 * /v2/variables/search} and {@code GET /v2/variables/{key}}. Values are never truncated.
 */
@RestController
@ConditionalOnEmbeddedEngine
class VariableController {

  private static final SearchSchema<VariableEntry> SCHEMA = new SearchSchema<>(VariableEntry::key)
      .field("variableKey", FilterValue.KEY, VariableEntry::key)
      .field("name", FilterValue.STRING, VariableEntry::name)
      .field("value", FilterValue.JSON_TEXT, VariableEntry::value)
      .field("scopeKey", FilterValue.KEY, VariableEntry::scopeKey)
      .field("processInstanceKey", FilterValue.KEY, VariableEntry::processInstanceKey)
      .filter("isTruncated", FilterValue.BOOLEAN, v -> false);

  private final EngineHistory history;

  VariableController(EngineHistory history) {
    this.history = history;
  }

  @PostMapping("/v2/variables/search")
  VariableSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    SearchQuery<VariableEntry> query = SCHEMA.parse(body);
    var result = history.read(view -> query.run(view, view.variables(), VariableController::toSearchResult));
    return new VariableSearchQueryResult().items(result.items()).page(result.page());
  }

  @GetMapping("/v2/variables/{key}")
  VariableResult get(@PathVariable String key) {
    long variableKey = Keys.parse("variableKey", key);
    return history.read(view -> view.variable(variableKey).map(VariableController::toResult))
        .orElseThrow(() -> NotFoundException.noSuch("variable", variableKey));
  }

  private static VariableSearchResult toSearchResult(VariableEntry v) {
    return new VariableSearchResult()
        .variableKey(Keys.format(v.key()))
        .name(v.name())
        .value(v.value())
        .isTruncated(false)
        .scopeKey(Keys.format(v.scopeKey()))
        .processInstanceKey(Keys.format(v.processInstanceKey()))
        .tenantId(DeploymentController.TENANT);
  }

  private static VariableResult toResult(VariableEntry v) {
    return new VariableResult()
        .variableKey(Keys.format(v.key()))
        .name(v.name())
        .value(v.value())
        .scopeKey(Keys.format(v.scopeKey()))
        .processInstanceKey(Keys.format(v.processInstanceKey()))
        .tenantId(DeploymentController.TENANT);
  }
}
