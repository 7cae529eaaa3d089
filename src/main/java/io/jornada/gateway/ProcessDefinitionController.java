package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import io.camunda.client.protocol.rest.ProcessDefinitionSearchQueryResult;
import io.jornada.gateway.history.EngineHistory;
import io.jornada.gateway.history.ProcessDefinitionEntry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deployed process versions: {@code POST /v2/process-definitions/search}, {@code GET
 * /v2/process-definitions/{key}} and its BPMN ({@code GET /v2/process-definitions/{key}/xml}).
 */
@RestController
@ConditionalOnEmbeddedEngine
class ProcessDefinitionController {

  private static final SearchSchema<ProcessDefinitionEntry> SCHEMA = new SearchSchema<>(ProcessDefinitionEntry::key)
      .field("processDefinitionKey", FilterValue.KEY, ProcessDefinitionEntry::key)
      .field("processDefinitionId", FilterValue.STRING, ProcessDefinitionEntry::processDefinitionId)
      .field("name", FilterValue.STRING, ProcessDefinitionEntry::name)
      .field("version", FilterValue.INTEGER, ProcessDefinitionEntry::version)
      .field("resourceName", FilterValue.STRING, ProcessDefinitionEntry::resourceName)
      // The engine reads no zeebe:versionTag and no start forms yet.
      .field("versionTag", FilterValue.STRING, d -> null)
      .filter("hasStartForm", FilterValue.BOOLEAN, d -> false)
      .filter("isLatestVersion", FilterValue.BOOLEAN, ProcessDefinitionEntry::latestVersion);

  private final EngineHistory history;

  ProcessDefinitionController(EngineHistory history) {
    this.history = history;
  }

  @PostMapping("/v2/process-definitions/search")
  ProcessDefinitionSearchQueryResult search(@RequestBody(required = false) JsonNode body) {
    SearchQuery<ProcessDefinitionEntry> query = SCHEMA.parse(body);
    var result = history.read(view -> query.run(view, view.processDefinitions(), ProcessDefinitionController::toResult));
    return new ProcessDefinitionSearchQueryResult().items(result.items()).page(result.page());
  }

  @GetMapping("/v2/process-definitions/{key}")
  ProcessDefinitionResult get(@PathVariable String key) {
    return toResult(definition(key));
  }

  /** Answered as text/xml whatever the request accepts: the Camunda client asks for JSON and reads the body as text. */
  @GetMapping("/v2/process-definitions/{key}/xml")
  ResponseEntity<String> xml(@PathVariable String key) {
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(definition(key).xml());
  }

  private ProcessDefinitionEntry definition(String key) {
    long definitionKey = Keys.parse("processDefinitionKey", key);
    return history.read(view -> view.processDefinition(definitionKey))
        .orElseThrow(() -> NotFoundException.noSuch("process definition", definitionKey));
  }

  private static ProcessDefinitionResult toResult(ProcessDefinitionEntry d) {
    return new ProcessDefinitionResult()
        .processDefinitionKey(Keys.format(d.key()))
        .processDefinitionId(d.processDefinitionId())
        .name(d.name())
        .version(d.version())
        .resourceName(d.resourceName())
        .hasStartForm(false)
        .tenantId(DeploymentController.TENANT);
  }
}
