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

/** RFC 9457 problems for the channel API only; Redis unreachable is a 503 worth retrying. */
@RestControllerAdvice(basePackageClasses = OutboxController.class)
class ChannelApiProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(JedisConnectionException.class)
  ResponseEntity<ProblemDetail> redisUnavailable(JedisConnectionException e) {
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
