package io.jornada.engine.expression;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A property value from a BPMN model: either a static string or, when it starts with {@code =}, a
 * FEEL expression parsed once at deployment.
 */
public final class Expression {

  private final String text;
  private final ParsedExpression parsed;

  Expression(String text, ParsedExpression parsed) {
    this.text = text;
    this.parsed = parsed;
  }

  /** The text as written in the model, {@code =} included. */
  public String text() {
    return text;
  }

  public boolean isStatic() {
    return parsed == null;
  }

  ParsedExpression parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return text;
  }
}
