package io.jornada.gateway.history;

/** The state of a process or element instance, as the Camunda 8 search API names it. */
public enum InstanceState {
  ACTIVE,
  COMPLETED,
  TERMINATED
}
