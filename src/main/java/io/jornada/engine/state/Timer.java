package io.jornada.engine.state;

/** A timer waiting to fire at {@code dueDate} (epoch ms) for a catch event. */
public record Timer(long key, long elementInstanceKey, long processInstanceKey, String targetElementId, long dueDate) {}
