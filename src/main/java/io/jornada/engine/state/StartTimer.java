package io.jornada.engine.state;

/**
 * The timer of a timer start event of a deployed process version: when it fires, an instance is
 * created at {@code elementId}. {@code repetitions} counts the firings left, this one included
 * (-1 for a cycle without end; 1 for a date).
 */
public record StartTimer(long key, long processDefinitionKey, String elementId, long dueDate, int repetitions) {}
