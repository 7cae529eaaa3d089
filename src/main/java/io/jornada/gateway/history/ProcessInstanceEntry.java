package io.jornada.gateway.history;

import java.time.Instant;

/** A process instance, running or ended; {@code openIncidents} counts its unresolved incidents. */
public record ProcessInstanceEntry(
    long key,
    long processDefinitionKey,
    String processDefinitionId,
    String processDefinitionName,
    int processDefinitionVersion,
    InstanceState state,
    Instant startDate,
    Instant endDate,
    int openIncidents) {

  public boolean hasIncident() {
    return openIncidents > 0;
  }

  ProcessInstanceEntry ended(InstanceState endState, Instant at) {
    return new ProcessInstanceEntry(key, processDefinitionKey, processDefinitionId, processDefinitionName, processDefinitionVersion,
        endState, startDate, at, openIncidents);
  }

  ProcessInstanceEntry withOpenIncidents(int count) {
    return new ProcessInstanceEntry(key, processDefinitionKey, processDefinitionId, processDefinitionName, processDefinitionVersion,
        state, startDate, endDate, count);
  }
}
