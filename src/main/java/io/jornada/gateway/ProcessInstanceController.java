package io.jornada.gateway;

import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands.CancelProcessInstance;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Results.ProcessInstanceCreated;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/process-instances}, with or without awaiting completion, and their cancellation. */
@RestController
@ConditionalOnEmbeddedEngine
class ProcessInstanceController {

  private static final long DEFAULT_AWAIT_MILLIS = 10_000;

  private final Engine engine;

  ProcessInstanceController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping("/v2/process-instances")
  CompletableFuture<ResponseEntity<Object>> create(@RequestBody ProcessInstanceCreationInstruction request) {
    boolean byKey = request.getProcessDefinitionKey() != null && !request.getProcessDefinitionKey().isBlank();
    boolean byId = request.getProcessDefinitionId() != null && !request.getProcessDefinitionId().isBlank();
    if (byKey == byId) {
      throw new InvalidRequestException("Expected either processDefinitionId or processDefinitionKey, but " + (byKey ? "both were" : "neither was") + " given");
    }
    boolean await = Boolean.TRUE.equals(request.getAwaitCompletion());
    var command = new CreateProcessInstance(
        byId ? request.getProcessDefinitionId() : null,
        request.getProcessDefinitionVersion() == null ? -1 : request.getProcessDefinitionVersion(),
        byKey ? Keys.parse("processDefinitionKey", request.getProcessDefinitionKey()) : -1,
        request.getVariables() == null ? Map.of() : request.getVariables(),
        await,
        request.getFetchVariables());
    var answer = engine.send(command);
    if (await) {
      long timeout = request.getRequestTimeout() == null || request.getRequestTimeout() <= 0 ? DEFAULT_AWAIT_MILLIS : request.getRequestTimeout();
      answer = answer.orTimeout(timeout, TimeUnit.MILLISECONDS);
    }
    return answer.handle((result, failure) -> {
      if (failure instanceof TimeoutException || (failure != null && failure.getCause() instanceof TimeoutException)) {
        return Problems.of(HttpStatus.GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED", "The process instance did not complete within the request timeout");
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return Responses.ok(result, created -> toResponse(created, await));
    });
  }

  @PostMapping("/v2/process-instances/{processInstanceKey}/cancellation")
  CompletableFuture<ResponseEntity<Object>> cancel(@PathVariable String processInstanceKey) {
    return engine.send(new CancelProcessInstance(Keys.parse("processInstanceKey", processInstanceKey))).thenApply(Responses::noContent);
  }

  private static CreateProcessInstanceResult toResponse(ProcessInstanceCreated created, boolean await) {
    return new CreateProcessInstanceResult()
        .processDefinitionId(created.bpmnProcessId())
        .processDefinitionVersion(created.version())
        .processDefinitionKey(Keys.format(created.processDefinitionKey()))
        .processInstanceKey(Keys.format(created.processInstanceKey()))
        .tenantId(DeploymentController.TENANT)
        .variables(await ? created.variables() : Map.of());
  }
}
