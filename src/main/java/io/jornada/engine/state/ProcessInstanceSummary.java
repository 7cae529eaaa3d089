package io.jornada.engine.state;

/** What operators see of a process instance, running or ended. */
public record ProcessInstanceSummary(
    long key,
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    State state,
    long startDate,
    long endDate) {

  /** Instance states as the Camunda 8 search API names them. */
  public enum State {
    ACTIVE,
    COMPLETED,
    TERMINATED
  }

  ProcessInstanceSummary ended(State state, long endDate) {
    return new ProcessInstanceSummary(key, bpmnProcessId, version, processDefinitionKey, state, startDate, endDate);
  }
}
