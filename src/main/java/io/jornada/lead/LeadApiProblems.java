package io.jornada.lead;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns the lead API's failures into RFC 9457 problems. Scoped to this package so it never
 * answers for other packages' controllers. Details name fields, never their values: request
 * bodies carry personal data.
 */
@RestControllerAdvice(basePackageClasses = LeadController.class)
class LeadApiProblems extends ResponseEntityExceptionHandler {

  static final URI INVALID_REQUEST = URI.create("urn:jornada:problem:invalid-request");
  static final URI UNKNOWN_LEAD = URI.create("urn:jornada:problem:unknown-lead");
  static final URI STORE_UNAVAILABLE = URI.create("urn:jornada:problem:store-unavailable");
  static final URI STORE_FAILURE = URI.create("urn:jornada:problem:store-failure");

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", e.getMessage());
    problem.setProperty("errors", e.errors());
    return problem;
  }

  /** A batch without one valid event: 400 with the per-event reasons, like a partial 202. */
  @ExceptionHandler(EventIngestController.BatchRejectedException.class)
  ProblemDetail batchRejected(EventIngestController.BatchRejectedException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", "No event of the batch was accepted");
    problem.setProperty("accepted", 0);
    problem.setProperty("duplicates", 0);
    problem.setProperty("rejected", e.report.rejected());
    return problem;
  }

  @ExceptionHandler(UnknownLeadException.class)
  ProblemDetail unknownLead(UnknownLeadException e) {
    return problem(HttpStatus.NOT_FOUND, UNKNOWN_LEAD, "Unknown lead", "No lead with id " + e.leadId());
  }

  /** Redis down or unreachable: 503 so clients retry; other Redis errors are ours, 500. */
  @ExceptionHandler(JedisException.class)
  ResponseEntity<ProblemDetail> redis(JedisException e) {
    if (isOutage(e)) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "1")
          .body(
              problem(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  STORE_UNAVAILABLE,
                  "Lead store unavailable",
                  "Redis is not reachable; retry shortly"));
    }
    logger.error("Redis command failed", e);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                STORE_FAILURE,
                "Lead store failure",
                "The lead store rejected the operation"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", unreadable(e.getCause()));
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  static boolean isOutage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JedisConnectionException) {
        return true;
      }
    }
    return false;
  }

  /** Says where the body is wrong without echoing it. */
  private static String unreadable(Throwable cause) {
    if (cause instanceof JsonParseException parse) {
      return "Request body is not valid JSON (line %d, column %d)"
          .formatted(parse.getLocation().getLineNr(), parse.getLocation().getColumnNr());
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."));
      return "Field '" + field + "' has a value of the wrong type or format";
    }
    return "Request body is missing or is not a JSON object of the expected shape";
  }

  private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type);
    problem.setTitle(title);
    return problem;
  }
}
