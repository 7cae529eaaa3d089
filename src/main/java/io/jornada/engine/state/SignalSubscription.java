package io.jornada.engine.state;

/** An element instance waiting for a signal; {@code targetElementId} is the catch event it belongs to. */
public record SignalSubscription(long key, long elementInstanceKey, long processInstanceKey, String signalName, String targetElementId) {}
