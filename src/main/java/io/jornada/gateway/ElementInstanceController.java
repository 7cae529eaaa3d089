package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ElementInstanceFilter;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.ElementInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.ElementInstanceStateEnum;
import io.jornada.gateway.history.ElementInstanceEntry;
import io.jornada.gateway.history.EngineHistory;
import io.jornada.gateway.history.InstanceState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Element instances (the elements an instance entered, running or ended) from the search history:
 * {@code POST /v2/element-instances/search} and {@code GET /v2/element-instances/{key}}.
 */
@RestController
@ConditionalOnEmbeddedEngine
class ElementInstanceController {

  private static final SearchSchema<ElementInstanceEntry> SCHEMA = new SearchSchema<>(ElementInstanceEntry::key)
      .field("elementInstanceKey", FilterValue.KEY, ElementInstanceEntry::key)
      .field("processInstanceKey", FilterValue.KEY, ElementInstanceEntry::processInstanceKey)
      .field("processDefinitionKey", FilterValue.KEY, ElementInstanceEntry::processDefinitionKey)
      .field("processDefinitionId", FilterValue.STRING, ElementInstanceEntry::processDefinitionId)
      .field("elementId", FilterValue.STRING, ElementInstanceEntry::elementId)
      .field("elementName", FilterValue.STRING, ElementInstanceEntry::elementName)
      .field("type", FilterValue.oneOf(ElementInstanceFilter.TypeEnum.values()), e -> e.type().name())
      .field("state", FilterValue.oneOf(InstanceState.values()), e -> e.state().name())
      .field("hasIncident", FilterValue.BOOLEAN, ElementInstanceEntry::hasIncident)
      .field("incidentKey", FilterValue.KEY, ElementInstanceEntry::incidentKey)
      .field("startDate", FilterValue.DATE_TIME, ElementInstanceEntry::startDate)
      .field("endDate", FilterValue.DATE_TIME, ElementInstanceEntry::endDate)
      .filter("elementInstanceScopeKey", FilterValue.KEY, ElementInstanceEntry::flowScopeKey);

  private final EngineHistory history;

  ElementInstanceController(EngineHistory history) {
    this.history = history;
  }

  @PostMapping("/v2/element-instances/search")
  ElementInstanceSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    SearchQuery<ElementInstanceEntry> query = SCHEMA.parse(body);
    var result = history.read(view -> query.run(view, view.elementInstances(), ElementInstanceController::toResult));
    return new ElementInstanceSearchQueryResult().items(result.items()).page(result.page());
  }

  @GetMapping("/v2/element-instances/{key}")
  ElementInstanceResult get(@PathVariable String key) {
    long elementInstanceKey = Keys.parse("elementInstanceKey", key);
    return history.read(view -> view.elementInstance(elementInstanceKey).map(ElementInstanceController::toResult))
        .orElseThrow(() -> NotFoundException.noSuch("element instance", elementInstanceKey));
  }

  private static ElementInstanceResult toResult(ElementInstanceEntry e) {
    return new ElementInstanceResult()
        .elementInstanceKey(Keys.format(e.key()))
        .processInstanceKey(Keys.format(e.processInstanceKey()))
        .processDefinitionKey(Keys.format(e.processDefinitionKey()))
        .processDefinitionId(e.processDefinitionId())
        .elementId(e.elementId())
        .elementName(e.elementName())
        .type(ElementInstanceResult.TypeEnum.fromValue(e.type().name()))
        .state(ElementInstanceStateEnum.fromValue(e.state().name()))
        .hasIncident(e.hasIncident())
        .incidentKey(e.incidentKey() == null ? null : Keys.format(e.incidentKey()))
        .startDate(DateTimes.format(e.startDate()))
        .endDate(DateTimes.format(e.endDate()))
        .tenantId(DeploymentController.TENANT);
  }
}
