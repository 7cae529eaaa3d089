package io.jornada.engine.event;

/** Events of timers. {@code targetElementId} is the catch event the timer belongs to. */
public final class TimerEvents {

  private TimerEvents() {}

  /**
   * A timer was created. A cycle timer fires {@code repetitions} more times after this one (-1:
   * without end), every {@code interval} ms; other timers have 0 repetitions.
   */
  public record TimerCreated(
      long timerKey, long elementInstanceKey, long processInstanceKey, String targetElementId, long dueDate, int repetitions, long interval)
      implements EngineEvent {

    /** A timer that fires once. */
    public TimerCreated(long timerKey, long elementInstanceKey, long processInstanceKey, String targetElementId, long dueDate) {
      this(timerKey, elementInstanceKey, processInstanceKey, targetElementId, dueDate, 0, 0);
    }
  }

  public record TimerTriggered(long timerKey) implements EngineEvent {}

  public record TimerCanceled(long timerKey) implements EngineEvent {}

  /** A timer start event of a deployed process version was scheduled; {@code repetitions} as in {@code StartTimer}. */
  public record StartTimerCreated(long timerKey, long processDefinitionKey, String targetElementId, long dueDate, int repetitions)
      implements EngineEvent {}

  /** A timer start event fired (and created an instance). */
  public record StartTimerTriggered(long timerKey) implements EngineEvent {}

  /** A timer start event's timer was canceled: a newer version of its process was deployed. */
  public record StartTimerCanceled(long timerKey) implements EngineEvent {}
}
