package io.jornada.gateway;

import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands.CorrelateMessage;
import io.jornada.engine.command.Commands.PublishMessage;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/messages/publication} (buffered for its TTL) and {@code /v2/messages/correlation} (never buffered). */
@RestController
@ConditionalOnEmbeddedEngine
class MessageController {

  private final Engine engine;

  MessageController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping("/v2/messages/publication")
  CompletableFuture<ResponseEntity<Object>> publish(@RequestBody MessagePublicationRequest request) {
    requireName(request.getName());
    long ttl = request.getTimeToLive() == null ? 0 : request.getTimeToLive();
    if (ttl < 0) {
      throw new InvalidRequestException("Expected timeToLive to be zero or more milliseconds, but was " + ttl);
    }
    var command = new PublishMessage(request.getName(), request.getCorrelationKey(), ttl, request.getMessageId(), request.getVariables());
    return engine.send(command).thenApply(result -> Responses.ok(result, key ->
        new MessagePublicationResult().messageKey(Keys.format(key)).tenantId(DeploymentController.TENANT)));
  }

  @PostMapping("/v2/messages/correlation")
  CompletableFuture<ResponseEntity<Object>> correlate(@RequestBody MessageCorrelationRequest request) {
    requireName(request.getName());
    var command = new CorrelateMessage(request.getName(), request.getCorrelationKey(), request.getVariables());
    return engine.send(command).thenApply(result -> Responses.ok(result, correlated -> new MessageCorrelationResult()
        .messageKey(Keys.format(correlated.messageKey()))
        .processInstanceKey(Keys.format(correlated.processInstanceKey()))
        .tenantId(DeploymentController.TENANT)));
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException("Expected a message name, but none was given");
    }
  }
}
