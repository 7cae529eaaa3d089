package io.jornada.engine.event;

import io.jornada.engine.model.ElementType;

/** Events of process and element instances and their variables. */
public final class ElementEvents {

  private ElementEvents() {}

  /**
   * An element instance became active. {@code flowScopeKey} is -1 for the process instance itself;
   * {@code viaSequenceFlow} says whether a taken sequence flow led here.
   */
  public record ElementActivated(
      long key,
      long processInstanceKey,
      long flowScopeKey,
      long processDefinitionKey,
      String elementId,
      ElementType elementType,
      boolean viaSequenceFlow,
      long timestamp)
      implements EngineEvent {}

  public record ElementCompleted(long key, long timestamp) implements EngineEvent {}

  public record ElementTerminated(long key, long timestamp) implements EngineEvent {}

  public record SequenceFlowTaken(long processInstanceKey, long flowScopeKey, String flowId, String targetId)
      implements EngineEvent {}

  /**
   * The sequence flows taken in a scope whose targets were not entered yet are dropped: a terminate
   * end event or an interrupting event subprocess ended the scope's regular flow.
   */
  public record TakenFlowsDiscarded(long flowScopeKey) implements EngineEvent {}

  /** A variable was created or changed in a scope. Values are JSON-like: maps, lists, strings, numbers, booleans, null. */
  public record VariableSet(long scopeKey, long processInstanceKey, String name, Object value)
      implements EngineEvent {}
}
