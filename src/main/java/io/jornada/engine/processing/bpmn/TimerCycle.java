package io.jornada.engine.processing.bpmn;

/**
 * An evaluated ISO-8601 repeating interval: the timer first fires at {@code firstDueDate} (epoch
 * ms), then {@code repetitions} more times (-1: without end), every {@code interval} ms.
 */
record TimerCycle(long firstDueDate, int repetitions, long interval) {}
