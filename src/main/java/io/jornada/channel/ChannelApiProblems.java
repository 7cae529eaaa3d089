package io.jornada.channel;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/** RFC 9457 problems for the channel API only; Redis unreachable is a 503 worth retrying. */
@RestControllerAdvice(basePackageClasses = OutboxController.class)
class ChannelApiProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(JedisException.class)
  ResponseEntity<ProblemDetail> redis(JedisException e) {
    // The pool may wrap the connection failure, so look down the cause chain.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JedisConnectionException) {
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "Redis is not reachable; retry shortly");
        problem.setType(URI.create("urn:jornada:problem:store-unavailable"));
        problem.setTitle("Outbox unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, "1")
            .body(problem);
      }
    }
    logger.error("Redis command failed", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "The outbox store rejected the operation");
    problem.setType(URI.create("urn:jornada:problem:store-failure"));
    problem.setTitle("Outbox store failure");
    return ResponseEntity.internalServerError().body(problem);
  }
}
