package io.jornada.gateway;

import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands;
import io.jornada.engine.command.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /v2/deployments}: BPMN and DMN resources as multipart parts named {@code resources}. */
@RestController
@ConditionalOnEmbeddedEngine
class DeploymentController {

  static final String TENANT = "<default>";

  private final Engine engine;

  DeploymentController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping(path = "/v2/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  CompletableFuture<ResponseEntity<Object>> deploy(@RequestParam("resources") List<MultipartFile> files) {
    List<Commands.Resource> resources = new ArrayList<>();
    for (MultipartFile file : files) {
      try {
        resources.add(new Commands.Resource(file.getOriginalFilename(), file.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return engine.send(new Commands.Deploy(resources)).thenApply(result -> Responses.ok(result, DeploymentController::toResponse));
  }

  private static DeploymentResult toResponse(Results.Deployment deployment) {
    var response = new DeploymentResult().deploymentKey(Keys.format(deployment.deploymentKey())).tenantId(TENANT);
    for (var p : deployment.processes()) {
      response.addDeploymentsItem(new DeploymentMetadataResult().processDefinition(new DeploymentProcessResult()
          .processDefinitionId(p.bpmnProcessId())
          .processDefinitionVersion(p.version())
          .resourceName(p.resourceName())
          .tenantId(TENANT)
          .processDefinitionKey(Keys.format(p.processDefinitionKey()))));
    }
    for (var d : deployment.decisions()) {
      response.addDeploymentsItem(new DeploymentMetadataResult().decisionDefinition(new DeploymentDecisionResult()
          .decisionDefinitionId(d.decisionId())
          .version(d.version())
          .name(d.name())
          .tenantId(TENANT)
          .decisionRequirementsId(d.decisionRequirementsId())
          .decisionDefinitionKey(Keys.format(d.decisionKey()))
          .decisionRequirementsKey(Keys.format(d.decisionRequirementsKey()))));
    }
    for (var r : deployment.decisionRequirements()) {
      response.addDeploymentsItem(new DeploymentMetadataResult().decisionRequirements(new DeploymentDecisionRequirementsResult()
          .decisionRequirementsId(r.decisionRequirementsId())
          .version(r.version())
          .decisionRequirementsName(r.name())
          .tenantId(TENANT)
          .resourceName(r.resourceName())
          .decisionRequirementsKey(Keys.format(r.decisionRequirementsKey()))));
    }
    return response;
  }
}
