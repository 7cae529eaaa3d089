package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceSearchQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowResult;
import io.camunda.client.protocol.rest.ProcessInstanceSequenceFlowsQueryResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.jornada.gateway.history.EngineHistory;
import io.jornada.gateway.history.InstanceState;
import io.jornada.gateway.history.ProcessInstanceEntry;
import io.jornada.gateway.history.SequenceFlowEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Process instances from the search history: {@code POST /v2/process-instances/search}, {@code GET
 * /v2/process-instances/{key}} and the sequence flows an instance took ({@code GET
 * /v2/process-instances/{key}/sequence-flows}).
 */
@RestController
@ConditionalOnEmbeddedEngine
class ProcessInstanceSearchController {

  private static final SearchSchema<ProcessInstanceEntry> SCHEMA = new SearchSchema<>(ProcessInstanceEntry::key)
      .field("processInstanceKey", FilterValue.KEY, ProcessInstanceEntry::key)
      .field("processDefinitionId", FilterValue.STRING, ProcessInstanceEntry::processDefinitionId)
      .field("processDefinitionName", FilterValue.STRING, ProcessInstanceEntry::processDefinitionName)
      .field("processDefinitionVersion", FilterValue.INTEGER, ProcessInstanceEntry::processDefinitionVersion)
      .field("processDefinitionKey", FilterValue.KEY, ProcessInstanceEntry::processDefinitionKey)
      .field("parentProcessInstanceKey", FilterValue.KEY, p -> p.parentProcessInstanceKey() < 0 ? null : p.parentProcessInstanceKey())
      .field("parentElementInstanceKey", FilterValue.KEY, p -> p.parentElementInstanceKey() < 0 ? null : p.parentElementInstanceKey())
      .field("startDate", FilterValue.DATE_TIME, ProcessInstanceEntry::startDate)
      .field("endDate", FilterValue.DATE_TIME, ProcessInstanceEntry::endDate)
      .field("state", FilterValue.oneOf(InstanceState.values()), p -> p.state().name())
      .field("hasIncident", FilterValue.BOOLEAN, ProcessInstanceEntry::hasIncident)
      .filter("variables", ProcessInstanceSearchController::variables)
      .withOrFilters();

  private final EngineHistory history;

  ProcessInstanceSearchController(EngineHistory history) {
    this.history = history;
  }

  @PostMapping("/v2/process-instances/search")
  ProcessInstanceSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    SearchQuery<ProcessInstanceEntry> query = SCHEMA.parse(body);
    var result = history.read(view -> query.run(view, view.processInstances(), ProcessInstanceSearchController::toResult));
    return new ProcessInstanceSearchQueryResult().items(result.items()).page(result.page());
  }

  @GetMapping("/v2/process-instances/{key}")
  ProcessInstanceResult get(@PathVariable String key) {
    long instanceKey = Keys.parse("processInstanceKey", key);
    return history.read(view -> view.processInstance(instanceKey).map(ProcessInstanceSearchController::toResult))
        .orElseThrow(() -> NotFoundException.noSuch("process instance", instanceKey));
  }

  @GetMapping("/v2/process-instances/{key}/sequence-flows")
  ProcessInstanceSequenceFlowsQueryResult sequenceFlows(@PathVariable String key) {
    long instanceKey = Keys.parse("processInstanceKey", key);
    var flows = history.read(view -> view.processInstance(instanceKey)
        .map(instance -> view.sequenceFlows(instanceKey).stream().map(ProcessInstanceSearchController::toResult).toList()))
        .orElseThrow(() -> NotFoundException.noSuch("process instance", instanceKey));
    return new ProcessInstanceSequenceFlowsQueryResult().items(flows);
  }

  /**
   * {@code variables: [{name, value}]}: for each, the instance has a variable of that name, in any
   * of its scopes, whose value matches the filter {@code value} (JSON text, see {@link FilterValue#JSON_TEXT}).
   */
  private static SearchQuery.Condition<ProcessInstanceEntry> variables(JsonNode conditions) {
    if (!conditions.isArray()) {
      throw new InvalidRequestException("Expected filter.variables to be a list of {name, value}, but was " + conditions);
    }
    List<SearchQuery.Condition<ProcessInstanceEntry>> all = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      String path = "filter.variables[" + i + "]";
      String name = FilterValue.STRING.parse(path + ".name", conditions.get(i).path("name"));
      JsonNode value = conditions.get(i).path("value");
      Predicate<String> matches = value.isMissingNode() || value.isNull()
          ? v -> true
          : FilterConditions.parse(path + ".value", value, FilterValue.JSON_TEXT);
      all.add(view -> instance -> view.variablesOf(instance.key()).stream()
          .anyMatch(variable -> variable.name().equals(name) && matches.test(variable.value())));
    }
    return SearchQuery.Condition.all(all);
  }

  private static ProcessInstanceResult toResult(ProcessInstanceEntry p) {
    return new ProcessInstanceResult()
        .processInstanceKey(Keys.format(p.key()))
        .processDefinitionId(p.processDefinitionId())
        .processDefinitionName(p.processDefinitionName())
        .processDefinitionVersion(p.processDefinitionVersion())
        .processDefinitionKey(Keys.format(p.processDefinitionKey()))
        .state(ProcessInstanceStateEnum.fromValue(p.state().name()))
        .startDate(DateTimes.format(p.startDate()))
        .endDate(DateTimes.format(p.endDate()))
        .hasIncident(p.hasIncident())
        .parentProcessInstanceKey(p.parentProcessInstanceKey() < 0 ? null : Keys.format(p.parentProcessInstanceKey()))
        .parentElementInstanceKey(p.parentElementInstanceKey() < 0 ? null : Keys.format(p.parentElementInstanceKey()))
        .tenantId(DeploymentController.TENANT);
  }

  /** Camunda names a taken flow by instance and flow id; {@code elementId} is the flow's id in the BPMN. */
  private static ProcessInstanceSequenceFlowResult toResult(SequenceFlowEntry flow) {
    return new ProcessInstanceSequenceFlowResult()
        .sequenceFlowId(flow.processInstanceKey() + "_" + flow.flowId())
        .processInstanceKey(Keys.format(flow.processInstanceKey()))
        .processDefinitionKey(Keys.format(flow.processDefinitionKey()))
        .processDefinitionId(flow.processDefinitionId())
        .elementId(flow.flowId())
        .tenantId(DeploymentController.TENANT);
  }
}
