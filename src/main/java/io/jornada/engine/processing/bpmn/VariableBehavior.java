package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.model.EventType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.model.Mapping;
import io.jornada.engine.state.ElementInstance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Variable mappings and propagation, with Zeebe's semantics: input mappings create local
 * variables in order; with output mappings the result is local and only mapped targets propagate;
 * without them each variable goes to the nearest scope that defines it, else to the process
 * instance; a dotted target merges into the existing object.
 */
final class VariableBehavior {

  private final BpmnBehaviors bpmn;

  VariableBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  /** Applies input mappings; false (and an incident) if one fails. */
  boolean applyInputs(ElementInstance instance, ExecutableElement element) {
    for (Mapping mapping : element.inputs()) {
      var value = bpmn.evaluate(mapping.source(), instance.key());
      if (value.isFailure()) {
        bpmn.incidents().raise(instance, "IO_MAPPING_ERROR", value.failure());
        return false;
      }
      setAt(instance.key(), instance, mapping.target(), value.value());
    }
    return true;
  }

  /** Takes the variables an element produced (job, decision, message) into the process; false (and an incident) if a mapping fails. */
  boolean applyOutputs(ElementInstance instance, ExecutableElement element, Map<String, Object> produced) {
    if (element.outputs().isEmpty()) {
      produced.forEach((name, value) -> propagate(instance.key(), instance, name, value));
      return true;
    }
    produced.forEach((name, value) -> set(instance.key(), instance, name, value));
    for (Mapping mapping : element.outputs()) {
      var value = bpmn.evaluate(mapping.source(), instance.key());
      if (value.isFailure()) {
        bpmn.incidents().raiseOnCompletion(instance, "IO_MAPPING_ERROR", value.failure());
        return false;
      }
      propagate(instance.flowScopeKey(), instance, mapping.target(), value.value());
    }
    return true;
  }

  /**
   * Takes the variables of a message or error into the process at a catch event. Those of an error
   * are local to the catch event, so only its output mappings take them out.
   */
  boolean applyEventOutputs(ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {
    boolean local = element.eventType() == EventType.ERROR && element.outputs().isEmpty();
    return applyOutputs(instance, element, local ? Map.of() : variables);
  }

  /**
   * Sets variables given from outside: {@code local}, on the scope itself; otherwise each on the
   * nearest scope from the scope outwards that defines it, else on the process instance. Names are
   * taken as they are (no dotted paths).
   */
  void merge(ElementInstance scope, Map<String, Object> variables, boolean local) {
    variables.forEach((name, value) -> {
      long defining = local ? scope.key() : bpmn.state().scopeDefining(scope.key(), name);
      set(defining >= 0 ? defining : scope.processInstanceKey(), scope, name, value);
    });
  }

  /** Hands a variable of the instance to its flow scopes: to the nearest that defines it, else the process instance. */
  void propagateOut(ElementInstance instance, String name, Object value) {
    propagate(instance.flowScopeKey(), instance, name, value);
  }

  private void propagate(long fromScope, ElementInstance instance, String target, Object value) {
    String root = rootName(target);
    long scope = bpmn.state().scopeDefining(fromScope, root);
    setAt(scope >= 0 ? scope : instance.processInstanceKey(), instance, target, value);
  }

  private void setAt(long scopeKey, ElementInstance instance, String target, Object value) {
    String root = rootName(target);
    if (root.equals(target)) {
      set(scopeKey, instance, root, value);
      return;
    }
    Object existing = bpmn.state().visibleVariables(scopeKey).get(root);
    set(scopeKey, instance, root, merge(existing, target.substring(root.length() + 1).split("\\."), 0, value));
  }

  private void set(long scopeKey, ElementInstance instance, String name, Object value) {
    Map<String, Object> local = bpmn.state().localVariables(scopeKey);
    if (local.containsKey(name) && Objects.equals(local.get(name), value)) {
      return;
    }
    bpmn.writer().write(new VariableSet(scopeKey, instance.processInstanceKey(), name, value));
  }

  @SuppressWarnings("unchecked")
  private static Object merge(Object existing, String[] path, int index, Object value) {
    Map<String, Object> copy = existing instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    if (index == path.length - 1) {
      copy.put(path[index], value);
    } else {
      copy.put(path[index], merge(copy.get(path[index]), path, index + 1, value));
    }
    return copy;
  }

  private static String rootName(String target) {
    int dot = target.indexOf('.');
    return dot < 0 ? target : target.substring(0, dot);
  }
}
