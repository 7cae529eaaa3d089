package io.jornada.engine.model;

import io.jornada.engine.expression.Expression;

/** A timer event's {@code timeDuration}, {@code timeDate} or {@code timeCycle}, as an expression. */
public record TimerDefinition(Kind kind, Expression expression) {

  public enum Kind {
    DURATION,
    DATE,
    CYCLE
  }
}
