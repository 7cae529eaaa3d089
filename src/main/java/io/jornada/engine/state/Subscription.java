package io.jornada.engine.state;

/** An open message subscription of a waiting element. */
public record Subscription(
    long key,
    long elementInstanceKey,
    long processInstanceKey,
    String bpmnProcessId,
    String messageName,
    String correlationKey,
    String targetElementId) {}
