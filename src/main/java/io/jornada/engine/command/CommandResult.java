package io.jornada.engine.command;

import java.util.function.Function;

/** The answer to a command: accepted with a value, or rejected with a reason. Expected failures are values. */
public record CommandResult<T>(T value, Rejection rejection) {

  public static <T> CommandResult<T> accepted(T value) {
    return new CommandResult<>(value, null);
  }

  public static <T> CommandResult<T> rejected(Rejection.Type type, String reason) {
    return new CommandResult<>(null, new Rejection(type, reason));
  }

  public boolean isRejected() {
    return rejection != null;
  }

  public <U> CommandResult<U> map(Function<T, U> mapper) {
    return isRejected() ? new CommandResult<>(null, rejection) : accepted(mapper.apply(value));
  }
}
