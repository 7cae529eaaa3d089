package io.jornada.lead;

import java.util.List;

/** A request that cannot be accepted, with every problem found in it. */
class InvalidRequestException extends RuntimeException {

  private final List<String> errors;

  InvalidRequestException(List<String> errors) {
    super(String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  List<String> errors() {
    return errors;
  }
}
