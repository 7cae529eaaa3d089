package io.jornada.gateway.history;

import java.time.Instant;

/**
 * A process instance, running or ended; {@code openIncidents} counts its unresolved incidents. The
 * parent keys are -1 unless a call activity created the instance.
 */
public record ProcessInstanceEntry(
    long key,
    long processDefinitionKey,
    String processDefinitionId,
    String processDefinitionName,
    int processDefinitionVersion,
    InstanceState state,
    Instant startDate,
    Instant endDate,
    int openIncidents,
    long parentProcessInstanceKey,
    long parentElementInstanceKey) {

  public boolean hasIncident() {
    return openIncidents > 0;
  }

  ProcessInstanceEntry ended(InstanceState endState, Instant at) {
    return new ProcessInstanceEntry(key, processDefinitionKey, processDefinitionId, processDefinitionName, processDefinitionVersion,
        endState, startDate, at, openIncidents, parentProcessInstanceKey, parentElementInstanceKey);
  }

  ProcessInstanceEntry withOpenIncidents(int count) {
    return new ProcessInstanceEntry(key, processDefinitionKey, processDefinitionId, processDefinitionName, processDefinitionVersion,
        state, startDate, endDate, count, parentProcessInstanceKey, parentElementInstanceKey);
  }

  ProcessInstanceEntry calledBy(long parentProcessInstance, long parentElementInstance) {
    return new ProcessInstanceEntry(key, processDefinitionKey, processDefinitionId, processDefinitionName, processDefinitionVersion,
        state, startDate, endDate, openIncidents, parentProcessInstance, parentElementInstance);
  }
}
