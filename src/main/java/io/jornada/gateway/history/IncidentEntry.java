package io.jornada.gateway.history;

import java.time.Instant;

/** An incident, open or resolved; {@code jobKey} is null when no job is involved. */
public record IncidentEntry(
    long key,
    long processInstanceKey,
    long processDefinitionKey,
    String processDefinitionId,
    long elementInstanceKey,
    String elementId,
    String errorType,
    String errorMessage,
    Long jobKey,
    Instant creationTime,
    State state) {

  /** Incident states as the Camunda 8 search API names them. */
  public enum State {
    ACTIVE,
    RESOLVED
  }

  IncidentEntry resolved() {
    return new IncidentEntry(key, processInstanceKey, processDefinitionKey, processDefinitionId, elementInstanceKey, elementId,
        errorType, errorMessage, jobKey, creationTime, State.RESOLVED);
  }
}
