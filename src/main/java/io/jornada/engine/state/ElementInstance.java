package io.jornada.engine.state;

import io.jornada.engine.model.ElementType;

/** A running element instance (the process instance itself is one, with flow scope -1). */
public final class ElementInstance {

  private final long key;
  private final long processInstanceKey;
  private final long flowScopeKey;
  private final long processDefinitionKey;
  private final String elementId;
  private final ElementType elementType;
  private int pendingFlows;
  private long jobKey = -1;
  private long calledInstanceKey = -1;
  private int numberOfInstances;
  private int numberOfCompletedInstances;

  ElementInstance(
      long key, long processInstanceKey, long flowScopeKey, long processDefinitionKey, String elementId, ElementType elementType) {
    this.key = key;
    this.processInstanceKey = processInstanceKey;
    this.flowScopeKey = flowScopeKey;
    this.processDefinitionKey = processDefinitionKey;
    this.elementId = elementId;
    this.elementType = elementType;
  }

  public long key() {
    return key;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public long flowScopeKey() {
    return flowScopeKey;
  }

  public long processDefinitionKey() {
    return processDefinitionKey;
  }

  public String elementId() {
    return elementId;
  }

  public ElementType elementType() {
    return elementType;
  }

  /** Sequence flows taken in this scope whose target is not active yet. */
  public int pendingFlows() {
    return pendingFlows;
  }

  /** The job of a service task, or -1. */
  public long jobKey() {
    return jobKey;
  }

  /** The process instance a call activity created, or -1. */
  public long calledInstanceKey() {
    return calledInstanceKey;
  }

  /** Of a multi-instance body: how many inner instances it has in all. */
  public int numberOfInstances() {
    return numberOfInstances;
  }

  /** Of a multi-instance body: how many inner instances completed. */
  public int numberOfCompletedInstances() {
    return numberOfCompletedInstances;
  }

  void setLoopProgress(int numberOfInstances, int numberOfCompletedInstances) {
    this.numberOfInstances = numberOfInstances;
    this.numberOfCompletedInstances = numberOfCompletedInstances;
  }

  void changePendingFlows(int delta) {
    pendingFlows += delta;
  }

  void setJobKey(long jobKey) {
    this.jobKey = jobKey;
  }

  void setCalledInstanceKey(long calledInstanceKey) {
    this.calledInstanceKey = calledInstanceKey;
  }
}
