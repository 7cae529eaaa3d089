/**
 * The engine's history for searches, the way Zeebe's exporters feed secondary storage: a read
 * model built from the engine's exported events, keeping ended instances (which the engine's own
 * state drops) up to a configurable number. Depends on {@code engine} events only.
 */
package io.jornada.gateway.history;
