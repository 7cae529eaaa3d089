package io.jornada.gateway;

/** A request for something the engine does not know (or no longer keeps); answered with 404 and its message. */
final class NotFoundException extends RuntimeException {

  NotFoundException(String message) {
    super(message);
  }
}
