package io.jornada.lead;

import java.util.concurrent.CompletableFuture;

/**
 * How journeys hear about leads, without the lead package knowing how journeys run (the {@code
 * journey} package implements it with the Camunda client).
 *
 * <p>Calls happen after the state is stored in Redis. {@link #leadCreated} happens at most once
 * per new lead. Messages derived from events and segment changes reach {@link #publish} through
 * the journey outbox ({@code OutboxPublisher}), at least once: the same message may be published
 * again after a crash, under the same message id, which the engine de-duplicates while the first
 * is buffered. The application starts without an implementation; then nothing is signalled.
 */
public interface JourneySignals {

  /** A lead that did not exist before was created. */
  void leadCreated(LeadProfile lead);

  /**
   * Whether a deployed journey can catch a message of this name; messages nobody catches are not
   * published at all.
   */
  boolean catches(String messageName);

  /**
   * Publishes the message. The future completes once the engine accepted it, or already had a
   * message with its id (that publication happened); it fails with {@link
   * MessageRefusedException} when the engine refused the message itself (it is set aside, never
   * retried), and with anything else when it could not be published now (the caller tries again
   * later).
   */
  CompletableFuture<Void> publish(JourneyMessage message);
}
