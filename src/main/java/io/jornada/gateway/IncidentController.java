package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.IncidentFilter;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.IncidentSearchQueryResult;
import io.jornada.gateway.history.EngineHistory;
import io.jornada.gateway.history.IncidentEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents, open and resolved, from the search history: {@code POST /v2/incidents/search}, {@code
 * GET /v2/incidents/{key}} and one instance's incidents ({@code POST
 * /v2/process-instances/{key}/incidents/search}).
 */
@RestController
@ConditionalOnEmbeddedEngine
class IncidentController {

  private static final SearchSchema<IncidentEntry> SCHEMA = new SearchSchema<>(IncidentEntry::key)
      .field("incidentKey", FilterValue.KEY, IncidentEntry::key)
      .field("processDefinitionKey", FilterValue.KEY, IncidentEntry::processDefinitionKey)
      .field("processDefinitionId", FilterValue.STRING, IncidentEntry::processDefinitionId)
      .field("processInstanceKey", FilterValue.KEY, IncidentEntry::processInstanceKey)
      .field("errorType", FilterValue.oneOf(IncidentFilter.ErrorTypeEnum.values()), IncidentEntry::errorType)
      .field("errorMessage", FilterValue.STRING, IncidentEntry::errorMessage)
      .field("elementId", FilterValue.STRING, IncidentEntry::elementId)
      .field("elementInstanceKey", FilterValue.KEY, IncidentEntry::elementInstanceKey)
      .field("creationTime", FilterValue.DATE_TIME, IncidentEntry::creationTime)
      .field("state", FilterValue.oneOf(IncidentFilter.StateEnum.values()), i -> i.state().name())
      .field("jobKey", FilterValue.KEY, IncidentEntry::jobKey);

  private final EngineHistory history;

  IncidentController(EngineHistory history) {
    this.history = history;
  }

  @PostMapping("/v2/incidents/search")
  IncidentSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    SearchQuery<IncidentEntry> query = SCHEMA.parse(body);
    var result = history.read(view -> query.run(view, view.incidents(), IncidentController::toResult));
    return new IncidentSearchQueryResult().items(result.items()).page(result.page());
  }

  @PostMapping("/v2/process-instances/{key}/incidents/search")
  IncidentSearchQueryResult searchOfInstance(@PathVariable String key, @RequestBody(required = false) JsonNode body) {
    long instanceKey = Keys.parse("processInstanceKey", key);
    SearchQuery<IncidentEntry> query = SCHEMA.parse(body);
    var result = history.read(view -> view.processInstance(instanceKey).map(instance ->
            query.run(view, view.incidentsOf(instanceKey), IncidentController::toResult)))
        .orElseThrow(() -> NotFoundException.noSuch("process instance", instanceKey));
    return new IncidentSearchQueryResult().items(result.items()).page(result.page());
  }

  @GetMapping("/v2/incidents/{key}")
  IncidentResult get(@PathVariable String key) {
    long incidentKey = Keys.parse("incidentKey", key);
    return history.read(view -> view.incident(incidentKey).map(IncidentController::toResult))
        .orElseThrow(() -> NotFoundException.noSuch("incident", incidentKey));
  }

  private static IncidentResult toResult(IncidentEntry i) {
    var errorType = IncidentResult.ErrorTypeEnum.fromValue(i.errorType());
    return new IncidentResult()
        .incidentKey(Keys.format(i.key()))
        .processDefinitionKey(Keys.format(i.processDefinitionKey()))
        .processDefinitionId(i.processDefinitionId())
        .processInstanceKey(Keys.format(i.processInstanceKey()))
        .errorType(errorType == IncidentResult.ErrorTypeEnum.UNKNOWN_DEFAULT_OPEN_API ? IncidentResult.ErrorTypeEnum.UNKNOWN : errorType)
        .errorMessage(i.errorMessage())
        .elementId(i.elementId())
        .elementInstanceKey(Keys.format(i.elementInstanceKey()))
        .creationTime(DateTimes.format(i.creationTime()))
        .state(IncidentResult.StateEnum.fromValue(i.state().name()))
        .jobKey(i.jobKey() == null ? null : Keys.format(i.jobKey()))
        .tenantId(DeploymentController.TENANT);
  }
}
