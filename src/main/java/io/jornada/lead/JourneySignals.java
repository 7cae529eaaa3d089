package io.jornada.lead;

import java.util.List;

/**
 * How journeys hear about leads, without the lead package knowing how journeys run (the {@code
 * journey} package implements it with the Camunda client).
 *
 * <p>Calls happen after the state is stored in Redis. {@link #leadCreated} happens at most once
 * per new lead. Published messages carry a message id, so publishing the same message again while
 * it is buffered is harmless: redeliveries of an event may be published again, and that is how
 * an event whose publication failed still reaches its journey (at least once, de-duplicated by
 * the engine). The application starts without an implementation; then nothing is signalled.
 */
public interface JourneySignals {

  /** A lead that did not exist before was created. */
  void leadCreated(LeadProfile lead);

  /**
   * Publishes the messages and returns once all were accepted; a message whose id is already
   * buffered counts as accepted. Throws when any could not be published.
   */
  void publish(List<JourneyMessage> messages);
}
