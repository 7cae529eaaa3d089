package io.jornada.gateway;

/** A request for something the engine does not know (or no longer keeps); answered with 404 and its message. */
final class NotFoundException extends RuntimeException {

  private NotFoundException(String message) {
    super(message);
  }

  /** Nothing of this kind ({@code "process instance"}, {@code "incident"} …) has this key, or it is no longer kept. */
  static NotFoundException noSuch(String kind, long key) {
    return new NotFoundException("No " + kind + " with key " + key + " is known");
  }
}
