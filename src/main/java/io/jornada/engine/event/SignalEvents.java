package io.jornada.engine.event;

import java.util.Map;

/** Events of signals: subscriptions of waiting signal catch events, and broadcasts. */
public final class SignalEvents {

  private SignalEvents() {}

  /** A signal catch event (or the event-based gateway before it) waits for the signal {@code signalName}. */
  public record SignalSubscriptionOpened(
      long subscriptionKey, long elementInstanceKey, long processInstanceKey, String signalName, String targetElementId)
      implements EngineEvent {}

  public record SignalSubscriptionClosed(long subscriptionKey) implements EngineEvent {}

  /** A signal was broadcast (by the API or a throw or end event); it is not buffered. */
  public record SignalBroadcast(long signalKey, String signalName, Map<String, Object> variables) implements EngineEvent {

    public SignalBroadcast {
      variables = Map.copyOf(variables);
    }
  }
}
