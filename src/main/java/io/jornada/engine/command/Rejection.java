package io.jornada.engine.command;

/** Why a command was refused. The type decides the HTTP status the gateway answers with. */
public record Rejection(Type type, String reason) {

  /** Rejection kinds; names follow Zeebe's {@code RejectionType}. */
  public enum Type {
    INVALID_ARGUMENT,
    NOT_FOUND,
    INVALID_STATE,
    ALREADY_EXISTS
  }
}
