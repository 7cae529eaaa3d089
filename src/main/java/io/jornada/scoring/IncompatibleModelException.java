package io.jornada.scoring;

/** A stored model cannot serve because it expects other features than {@link LeadFeatures}. */
final class IncompatibleModelException extends IllegalStateException {

  IncompatibleModelException(String message) {
    super(message);
  }
}
