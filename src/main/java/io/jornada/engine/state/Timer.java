package io.jornada.engine.state;

/**
 * A timer waiting to fire at {@code dueDate} (epoch ms) for a catch event; a cycle timer fires
 * {@code repetitions} more times after it (-1: without end), every {@code interval} ms.
 */
public record Timer(long key, long elementInstanceKey, long processInstanceKey, String targetElementId, long dueDate, int repetitions, long interval) {}
