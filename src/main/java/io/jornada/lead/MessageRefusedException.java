package io.jornada.lead;

/**
 * The engine refused a journey message for good (the request itself is wrong, not the moment):
 * publishing it again cannot succeed, so it is set aside instead of being retried.
 */
public class MessageRefusedException extends RuntimeException {

  public MessageRefusedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
