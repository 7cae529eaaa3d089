package io.jornada.lead;

/**
 * How journeys hear about leads, without the lead package knowing how journeys run (the {@code
 * journey} package implements it with the Camunda client).
 *
 * <p>Both calls happen after the state is stored in Redis, at most once per new lead and per
 * distinct eventId: a redelivered event is not signalled again. An exception thrown here reaches
 * the API caller, but the state stays stored and a retry of the same request is not signalled
 * again, so implementations that can fail transiently should retry or queue on their own side.
 * The application starts without an implementation; then nothing is signalled.
 */
public interface JourneySignals {

  /** A lead that did not exist before was created. */
  void leadCreated(LeadProfile lead);

  /** A new (non-duplicate) event of an engagement type was recorded for an existing lead. */
  void leadEngaged(LeadEvent event);
}
