package io.jornada.engine.state;

/** An open incident. */
public record Incident(
    long key,
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    String errorType,
    String errorMessage,
    long jobKey,
    long creationTime,
    boolean onCompletion) {}
