package io.jornada.gateway;

import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Bad requests to the engine API become 400 problems; nothing reaches the client as a stack trace. */
@RestControllerAdvice(basePackageClasses = GatewayExceptionHandler.class)
class GatewayExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException e) {
    return Problems.badRequest(e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
    return Problems.badRequest("The request body is not valid JSON for this endpoint: " + firstLine(e.getMostSpecificCause().getMessage()));
  }

  @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class, MultipartException.class})
  ResponseEntity<Object> missingPart(Exception e) {
    return Problems.badRequest(e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    return Problems.badRequest("Expected " + e.getName() + " to be a number, but was '" + e.getValue() + "'");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
    return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", e.getMessage());
  }

  @ExceptionHandler(CompletionException.class)
  ResponseEntity<Object> failed(CompletionException e) {
    if (e.getCause() instanceof InvalidRequestException invalid) {
      return invalid(invalid);
    }
    return internal(e);
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Object> internal(RuntimeException e) {
    LOG.error("engine request failed", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "The engine failed to process the request; see the server log.");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable body";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
