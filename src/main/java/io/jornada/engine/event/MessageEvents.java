package io.jornada.engine.event;

import java.util.Map;

/** Events of messages and message subscriptions. */
public final class MessageEvents {

  private MessageEvents() {}

  /** A published message, buffered until {@code deadline} (epoch ms). */
  public record MessagePublished(
      long messageKey,
      String name,
      String correlationKey,
      long deadline,
      String messageId,
      Map<String, Object> variables)
      implements EngineEvent {}

  public record MessageExpired(long messageKey) implements EngineEvent {}

  /** An element waits for a message; {@code targetElementId} is the catch event that will complete. */
  public record SubscriptionOpened(
      long subscriptionKey,
      long elementInstanceKey,
      long processInstanceKey,
      String bpmnProcessId,
      String messageName,
      String correlationKey,
      String targetElementId)
      implements EngineEvent {}

  /** A message met a subscription; the subscription closes and the message is spent for that process id. */
  public record SubscriptionCorrelated(long subscriptionKey, long messageKey) implements EngineEvent {}

  public record SubscriptionClosed(long subscriptionKey) implements EngineEvent {}

  /** A message started an instance through a message start event. */
  public record InstanceStartedByMessage(
      long processInstanceKey, long messageKey, String bpmnProcessId, String correlationKey)
      implements EngineEvent {}
}
