package io.jornada.engine.model;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.jornada.engine.expression.Expression;
import io.jornada.engine.expression.ExpressionLanguage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the transformers of one process share: the resource's error list, the process's elements
 * built so far by id, and the helpers every element kind needs — parsing an expression, reading
 * {@code zeebe:ioMapping}, and reporting an element the engine does not execute.
 */
final class TransformContext {

  private static final String SUPPORTED =
      "none, message, timer and signal start events, none, error, terminate and signal end events, service, send, script,"
          + " job-based user, business rule and receive tasks, embedded subprocesses, call activities, multi-instance activities,"
          + " event subprocesses with message, timer or error start events, message, timer and error boundary events,"
          + " exclusive, parallel, inclusive and event-based gateways, message, timer and signal intermediate catch events,"
          + " none and signal intermediate throw events";

  private final ExpressionLanguage expressions;
  private final List<String> errors;
  private final Map<String, ExecutableElement> elements = new LinkedHashMap<>();

  TransformContext(ExpressionLanguage expressions, List<String> errors) {
    this.expressions = expressions;
    this.errors = errors;
  }

  /** The process's elements by id, in the order they were added. */
  Map<String, ExecutableElement> elements() {
    return elements;
  }

  void error(String message) {
    errors.add(message);
  }

  /** The parsed expression; an error names the element when it does not parse. */
  Expression expression(String id, String text) {
    var parsed = expressions.parse(text);
    parsed.failureMessage().ifPresent(reason -> errors.add("element '" + id + "': " + reason));
    return parsed.expression();
  }

  /** Sets the element's input and output mappings from its {@code zeebe:ioMapping}, if it has one. */
  void mappings(ExecutableElement node, FlowNode element) {
    ZeebeIoMapping io = element.getSingleExtensionElement(ZeebeIoMapping.class);
    if (io == null) {
      return;
    }
    node.setMappings(toMappings(node.id(), io.getInputs()), toMappings(node.id(), io.getOutputs()));
  }

  private List<Mapping> toMappings(String id, Collection<? extends ZeebeMapping> mappings) {
    List<Mapping> result = new ArrayList<>();
    for (ZeebeMapping mapping : mappings) {
      String source = mapping.getSource() == null ? "=null" : mapping.getSource();
      result.add(new Mapping(expression(id, source), mapping.getTarget()));
    }
    return result;
  }

  /** Reports an element the engine does not execute, listing what it does; always null. */
  ExecutableElement unsupported(String id, String what) {
    errors.add("element '" + id + "' of type '" + what + "' is not supported by the embedded engine (supported: " + SUPPORTED + ")");
    return null;
  }
}
