package io.jornada.gateway;

import io.camunda.client.protocol.rest.SignalBroadcastRequest;
import io.camunda.client.protocol.rest.SignalBroadcastResult;
import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands.BroadcastSignal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/signals/broadcast}: answers the signal's key. */
@RestController
@ConditionalOnEmbeddedEngine
class SignalController {

  private final Engine engine;

  SignalController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping("/v2/signals/broadcast")
  CompletableFuture<ResponseEntity<Object>> broadcast(@RequestBody SignalBroadcastRequest request) {
    if (request.getSignalName() == null || request.getSignalName().isBlank()) {
      throw new InvalidRequestException("Expected a signalName to broadcast, but none was given");
    }
    var command = new BroadcastSignal(request.getSignalName(), request.getVariables() == null ? Map.of() : request.getVariables());
    return engine.send(command).thenApply(result -> Responses.ok(result,
        key -> new SignalBroadcastResult().signalKey(Keys.format(key)).tenantId(DeploymentController.TENANT)));
  }
}
