package io.jornada.engine.model;

import io.jornada.engine.expression.Expression;

/** A sequence flow; {@code condition} is null for an unconditional flow. */
public record ExecutableFlow(String id, String sourceId, String targetId, Expression condition) {}
