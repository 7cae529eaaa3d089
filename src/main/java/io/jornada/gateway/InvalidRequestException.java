package io.jornada.gateway;

/** A request the gateway cannot turn into a command; answered with 400 and its message. */
final class InvalidRequestException extends RuntimeException {

  InvalidRequestException(String message) {
    super(message);
  }
}
