package io.jornada.gateway;

import io.camunda.client.protocol.rest.SetVariableRequest;
import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands.UpdateVariableDocument;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /v2/element-instances/{key}/variables}: sets variables on an active element or process instance. */
@RestController
@ConditionalOnEmbeddedEngine
class ElementInstanceVariablesController {

  private final Engine engine;

  ElementInstanceVariablesController(Engine engine) {
    this.engine = engine;
  }

  @PutMapping("/v2/element-instances/{elementInstanceKey}/variables")
  CompletableFuture<ResponseEntity<Object>> setVariables(@PathVariable String elementInstanceKey, @RequestBody SetVariableRequest request) {
    long key = Keys.parse("elementInstanceKey", elementInstanceKey);
    if (request.getVariables() == null) {
      throw new InvalidRequestException("Expected variables to set, as a JSON object, but none were given");
    }
    var command = new UpdateVariableDocument(key, request.getVariables(), Boolean.TRUE.equals(request.getLocal()));
    return engine.send(command).thenApply(Responses::noContent);
  }
}
