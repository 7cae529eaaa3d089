package io.jornada.gateway;

import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands.ResolveIncident;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/incidents/{key}/resolution}: 204, 404 for an unknown incident, 409 for a job without retries. */
@RestController
@ConditionalOnEmbeddedEngine
class IncidentResolutionController {

  private final Engine engine;

  IncidentResolutionController(Engine engine) {
    this.engine = engine;
  }

  @PostMapping("/v2/incidents/{incidentKey}/resolution")
  CompletableFuture<ResponseEntity<Object>> resolve(@PathVariable String incidentKey) {
    return engine.send(new ResolveIncident(Keys.parse("incidentKey", incidentKey))).thenApply(Responses::noContent);
  }
}
