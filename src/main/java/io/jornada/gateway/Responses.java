package io.jornada.gateway;

import io.jornada.engine.command.CommandResult;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Turns an engine answer into a response: the mapped body on acceptance, a problem on rejection. */
final class Responses {

  private Responses() {}

  static <R> ResponseEntity<Object> ok(CommandResult<R> result, Function<R, Object> body) {
    return result.isRejected() ? Problems.of(result.rejection()) : ResponseEntity.ok(body.apply(result.value()));
  }

  static <R> ResponseEntity<Object> noContent(CommandResult<R> result) {
    return result.isRejected() ? Problems.of(result.rejection()) : ResponseEntity.status(HttpStatus.NO_CONTENT).build();
  }
}
