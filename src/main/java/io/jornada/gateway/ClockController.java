package io.jornada.gateway;

import io.camunda.client.protocol.rest.ClockPinRequest;
import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands.PinClock;
import io.jornada.engine.command.Commands.ResetClock;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The engine's clock, as Camunda Process Test moves it: {@code PUT /v2/clock} pins it, {@code POST /v2/clock/reset} unpins it. */
@RestController
@ConditionalOnEmbeddedEngine
class ClockController {

  private final Engine engine;

  ClockController(Engine engine) {
    this.engine = engine;
  }

  @PutMapping("/v2/clock")
  CompletableFuture<ResponseEntity<Object>> pin(@RequestBody ClockPinRequest request) {
    if (request.getTimestamp() == null) {
      throw new InvalidRequestException("Expected a timestamp (epoch milliseconds) to pin the clock to, but none was given");
    }
    return engine.send(new PinClock(request.getTimestamp())).thenApply(Responses::noContent);
  }

  @PostMapping("/v2/clock/reset")
  CompletableFuture<ResponseEntity<Object>> reset() {
    return engine.send(new ResetClock()).thenApply(Responses::noContent);
  }
}
