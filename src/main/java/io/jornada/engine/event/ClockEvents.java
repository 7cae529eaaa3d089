package io.jornada.engine.event;

/**
 * Events of the engine's clock. The clock is state like any other: a pinned clock is written to the
 * log, so replay (and a restart) finds it pinned at the same moment, as Zeebe keeps its pinned
 * clock across restarts. Replay itself never reads the clock: every event carries the times it
 * needs (due dates, deadlines, timestamps).
 */
public final class ClockEvents {

  private ClockEvents() {}

  /** The clock stands still at {@code epochMillis} until it is pinned again or reset. */
  public record ClockPinned(long epochMillis) implements EngineEvent {}

  /** The clock follows the system clock again. */
  public record ClockReset() implements EngineEvent {}
}
