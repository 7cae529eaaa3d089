package io.jornada.engine.event;

/** Events of timers. {@code targetElementId} is the catch event the timer belongs to. */
public final class TimerEvents {

  private TimerEvents() {}

  public record TimerCreated(
      long timerKey, long elementInstanceKey, long processInstanceKey, String targetElementId, long dueDate)
      implements EngineEvent {}

  public record TimerTriggered(long timerKey) implements EngineEvent {}

  public record TimerCanceled(long timerKey) implements EngineEvent {}
}
