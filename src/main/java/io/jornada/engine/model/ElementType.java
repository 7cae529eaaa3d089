package io.jornada.engine.model;

/** The BPMN element kinds the engine executes. Names follow Zeebe's {@code BpmnElementType}. */
public enum ElementType {
  PROCESS,
  START_EVENT,
  END_EVENT,
  SERVICE_TASK,
  BUSINESS_RULE_TASK,
  EXCLUSIVE_GATEWAY,
  EVENT_BASED_GATEWAY,
  INTERMEDIATE_CATCH_EVENT,
  SEQUENCE_FLOW
}
