package io.jornada.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.protocol.rest.DecisionEvaluationInstruction;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands.EvaluateDecision;
import io.jornada.engine.command.Results.DecisionEvaluated;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/decision-definitions/evaluation}: a deployed decision evaluated on its own. */
@RestController
@ConditionalOnEmbeddedEngine
class DecisionEvaluationController {

  private final Engine engine;
  private final ObjectMapper json;

  DecisionEvaluationController(Engine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  @PostMapping("/v2/decision-definitions/evaluation")
  CompletableFuture<ResponseEntity<Object>> evaluate(@RequestBody DecisionEvaluationInstruction request) {
    boolean byKey = request.getDecisionDefinitionKey() != null && !request.getDecisionDefinitionKey().isBlank();
    boolean byId = request.getDecisionDefinitionId() != null && !request.getDecisionDefinitionId().isBlank();
    if (byKey == byId) {
      throw new InvalidRequestException("Expected either decisionDefinitionId or decisionDefinitionKey, but " + (byKey ? "both were" : "neither was") + " given");
    }
    var command = new EvaluateDecision(byId ? request.getDecisionDefinitionId() : null,
        byKey ? Keys.parse("decisionDefinitionKey", request.getDecisionDefinitionKey()) : -1,
        request.getVariables() == null ? Map.of() : request.getVariables());
    return engine.send(command).thenApply(result -> Responses.ok(result, this::toResponse));
  }

  private EvaluateDecisionResult toResponse(DecisionEvaluated evaluated) {
    String output = evaluated.failureMessage() == null ? write(evaluated.output()) : "null";
    var response = new EvaluateDecisionResult()
        .decisionDefinitionId(evaluated.decisionId())
        .decisionDefinitionName(evaluated.decisionName())
        .decisionDefinitionVersion(evaluated.version())
        .decisionDefinitionKey(Keys.format(evaluated.decisionKey()))
        .decisionRequirementsId(evaluated.decisionRequirementsId())
        .decisionRequirementsKey(Keys.format(evaluated.decisionRequirementsKey()))
        .decisionEvaluationKey(Keys.format(evaluated.evaluationKey()))
        .decisionInstanceKey(Keys.format(evaluated.evaluationKey()))
        .output(output)
        .tenantId(DeploymentController.TENANT);
    if (evaluated.failureMessage() != null) {
      return response.failedDecisionDefinitionId(evaluated.decisionId()).failureMessage(evaluated.failureMessage()).evaluatedDecisions(List.of());
    }
    return response.failedDecisionDefinitionId("").failureMessage("").evaluatedDecisions(List.of(new EvaluatedDecisionResult()
        .decisionDefinitionId(evaluated.decisionId())
        .decisionDefinitionName(evaluated.decisionName())
        .decisionDefinitionVersion(evaluated.version())
        .decisionDefinitionKey(Keys.format(evaluated.decisionKey()))
        .decisionEvaluationInstanceKey(Keys.format(evaluated.evaluationKey()))
        .output(output)
        .tenantId(DeploymentController.TENANT)
        .matchedRules(List.of())
        .evaluatedInputs(List.of())));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a decision output that is not JSON", e);
    }
  }
}
