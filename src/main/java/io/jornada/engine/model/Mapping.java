package io.jornada.engine.model;

import io.jornada.engine.expression.Expression;

/** One {@code zeebe:input} or {@code zeebe:output}: a source expression and a target variable path. */
public record Mapping(Expression source, String target) {}
