package io.jornada.gateway;

import io.jornada.engine.command.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem responses, with the statuses the Camunda client maps to its exceptions. */
final class Problems {

  private Problems() {}

  static ResponseEntity<Object> of(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  static ResponseEntity<Object> badRequest(String detail) {
    return of(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", detail);
  }

  static ResponseEntity<Object> of(Rejection rejection) {
    HttpStatus status =
        switch (rejection.type()) {
          case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case INVALID_STATE, ALREADY_EXISTS -> HttpStatus.CONFLICT;
        };
    return of(status, rejection.type().name(), rejection.reason());
  }
}
