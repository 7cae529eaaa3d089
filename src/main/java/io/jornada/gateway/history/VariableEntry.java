package io.jornada.gateway.history;

/** A variable's latest value, as JSON text, in the scope (process or element instance) that defines it. */
public record VariableEntry(long key, String name, String value, long scopeKey, long processInstanceKey) {}
