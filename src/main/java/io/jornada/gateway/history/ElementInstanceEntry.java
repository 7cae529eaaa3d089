package io.jornada.gateway.history;

import io.jornada.engine.model.ElementType;
import java.time.Instant;

/**
 * An element instance inside a process instance. {@code flowScopeKey} is the instance (or element)
 * it runs in; {@code incidentKey} is its unresolved incident, if any; {@code startDate} is null
 * when it was restored from a snapshot, which does not keep it.
 */
public record ElementInstanceEntry(
    long key,
    long processInstanceKey,
    long flowScopeKey,
    long processDefinitionKey,
    String processDefinitionId,
    String elementId,
    String elementName,
    ElementType type,
    InstanceState state,
    Instant startDate,
    Instant endDate,
    Long incidentKey) {

  public boolean hasIncident() {
    return incidentKey != null;
  }

  ElementInstanceEntry ended(InstanceState endState, Instant at) {
    return new ElementInstanceEntry(key, processInstanceKey, flowScopeKey, processDefinitionKey, processDefinitionId, elementId,
        elementName, type, endState, startDate, at, incidentKey);
  }

  ElementInstanceEntry withIncident(Long incident) {
    return new ElementInstanceEntry(key, processInstanceKey, flowScopeKey, processDefinitionKey, processDefinitionId, elementId,
        elementName, type, state, startDate, endDate, incident);
  }
}
