package io.jornada.engine.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One executable BPMN process, transformed from the model at deployment. {@code root} is the
 * process element itself (type {@link ElementType#PROCESS}, id = the process id); {@code elements}
 * holds every element, nested ones included, by id.
 */
public record ExecutableProcess(
    String bpmnProcessId,
    String name,
    ExecutableElement root,
    Map<String, ExecutableElement> elements,
    List<ExecutableElement> messageStartEvents) {

  public ExecutableProcess {
    elements = Collections.unmodifiableMap(elements);
    messageStartEvents = List.copyOf(messageStartEvents);
  }

  public ExecutableElement element(String id) {
    return elements.get(id);
  }

  /**
   * The element an instance of this id and type runs: a multi-instance body and its inner activity
   * share their id, and are told apart by type.
   */
  public ExecutableElement element(String id, ElementType type) {
    ExecutableElement element = elements.get(id);
    return element.type() == ElementType.MULTI_INSTANCE_BODY && type != ElementType.MULTI_INSTANCE_BODY ? element.innerActivity() : element;
  }

  /** The process's none start event, or null. */
  public ExecutableElement noneStartEvent() {
    return root.startEvent();
  }
}
