package io.jornada.engine.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One executable BPMN process, transformed from the model at deployment. */
public record ExecutableProcess(
    String bpmnProcessId,
    String name,
    Map<String, ExecutableElement> elements,
    ExecutableElement noneStartEvent,
    List<ExecutableElement> messageStartEvents) {

  public ExecutableProcess {
    elements = Collections.unmodifiableMap(elements);
    messageStartEvents = List.copyOf(messageStartEvents);
  }

  public ExecutableElement element(String id) {
    return elements.get(id);
  }
}
