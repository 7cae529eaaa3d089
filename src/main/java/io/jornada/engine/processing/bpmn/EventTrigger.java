package io.jornada.engine.processing.bpmn;

import java.util.Map;

/** A message or timer that occurred for a catch event, with the variables it carries. */
public record EventTrigger(String targetElementId, Map<String, Object> variables) {}
