package io.jornada.engine.decision;

import io.jornada.engine.expression.JavaValues;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDmn;
import scala.jdk.javaapi.CollectionConverters;

/** Parses and evaluates DMN with dmn-scala, the DMN engine Camunda 8 itself uses. */
public final class DecisionEngine {

  private final DmnEngine dmn = new DmnEngine.Builder().build();

  /** Parses a DMN resource; failures are returned as a reason. */
  public Parsed parse(String resourceName, byte[] xml) {
    try {
      var result = dmn.parse(new ByteArrayInputStream(xml));
      if (result.isLeft()) {
        return Parsed.failure("'" + resourceName + "' is not a valid DMN: " + result.left().get().message());
      }
      ParsedDmn parsed = result.right().get();
      List<DecisionInfo> decisions = new ArrayList<>();
      for (ParsedDecision decision : CollectionConverters.asJava(parsed.decisions())) {
        decisions.add(new DecisionInfo(decision.id(), decision.name()));
      }
      var definitions = parsed.model().getDefinitions();
      return new Parsed(parsed, definitions.getId(), definitions.getName(), decisions, null);
    } catch (RuntimeException e) {
      return Parsed.failure("'" + resourceName + "' is not a valid DMN: " + e.getMessage());
    }
  }

  /** Evaluates one decision of a parsed resource; failures (no match for UNIQUE, bad input…) are values. */
  public Evaluation evaluate(Parsed parsed, String decisionId, Map<String, Object> variables) {
    try {
      var result = dmn.eval(parsed.dmn(), decisionId, variables);
      if (result.isLeft()) {
        return new Evaluation(null, result.left().get().failure().message());
      }
      return new Evaluation(JavaValues.toJava(result.right().get().value()), null);
    } catch (RuntimeException e) {
      return new Evaluation(null, "failed to evaluate decision '" + decisionId + "': " + e.getMessage());
    }
  }

  /** One decision in a DMN resource. */
  public record DecisionInfo(String id, String name) {}

  /** A parsed DMN resource (a decision requirements graph) or why it failed. */
  public record Parsed(ParsedDmn dmn, String drgId, String drgName, List<DecisionInfo> decisions, String failure) {
    static Parsed failure(String reason) {
      return new Parsed(null, null, null, List.of(), reason);
    }

    public boolean isFailure() {
      return failure != null;
    }
  }

  /** A decision's output, or why it could not be evaluated. */
  public record Evaluation(Object value, String failure) {
    public boolean isFailure() {
      return failure != null;
    }
  }
}
