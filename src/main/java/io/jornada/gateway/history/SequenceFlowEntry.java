package io.jornada.gateway.history;

/** A sequence flow an instance took at least once. */
public record SequenceFlowEntry(long processInstanceKey, long processDefinitionKey, String processDefinitionId, String flowId) {}
