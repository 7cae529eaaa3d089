package io.jornada.engine.expression;

import java.util.Map;
import java.util.Optional;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/** Parses and evaluates FEEL with the Camunda FEEL engine; results come back as plain JSON-like Java. */
public final class ExpressionLanguage {

  private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();

  /** Parses a model value; a FEEL syntax error is returned as a reason, not thrown. */
  public ParsedOrFailure parse(String text) {
    if (text == null || !text.startsWith("=")) {
      return new ParsedOrFailure(new Expression(text, null), null);
    }
    ParseResult result = feel.parseExpression(text.substring(1));
    if (result.isFailure()) {
      return new ParsedOrFailure(null, "failed to parse FEEL expression '" + text + "': " + result.failure().message());
    }
    return new ParsedOrFailure(new Expression(text, result.parsedExpression()), null);
  }

  /**
   * Evaluates an expression against variables. A static expression evaluates to its text. A FEEL
   * expression that fails, or that only yields null because of a failure it suppressed (a missing
   * variable, a type mismatch), is reported as a failure with FEEL's own message.
   */
  public Evaluation evaluate(Expression expression, Map<String, Object> variables) {
    if (expression.isStatic()) {
      return Evaluation.success(expression.text());
    }
    var result = feel.evaluate(expression.parsed(), variables);
    if (result.isFailure()) {
      return Evaluation.failure(
          "failed to evaluate expression '" + expression.text() + "': " + result.failure().message());
    }
    Object value = JavaValues.toJava(result.result());
    if (value == null && result.hasSuppressedFailures()) {
      String reasons =
          result.getSuppressedFailures().stream().map(f -> f.failureMessage()).reduce((a, b) -> a + "; " + b).orElse("");
      return Evaluation.failure(
          "failed to evaluate expression '" + expression.text() + "': " + reasons);
    }
    return Evaluation.success(value);
  }

  /** A parsed expression, or why it could not be parsed. */
  public record ParsedOrFailure(Expression expression, String failure) {
    public Optional<String> failureMessage() {
      return Optional.ofNullable(failure);
    }
  }

  /** The value of an evaluated expression, or why evaluation failed. */
  public record Evaluation(Object value, String failure) {
    static Evaluation success(Object value) {
      return new Evaluation(value, null);
    }

    static Evaluation failure(String message) {
      return new Evaluation(null, message);
    }

    public boolean isFailure() {
      return failure != null;
    }
  }
}
