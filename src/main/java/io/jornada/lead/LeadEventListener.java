package io.jornada.lead;

/**
 * Hears about every new event stored for a lead, so that other features (scoring re-scores the
 * lead) react to engagement without the lead package depending on them.
 *
 * <p>Called after the event is stored and before journeys are signalled, once per distinct
 * eventId. A listener that throws is logged and skipped: the event is stored and journeys still
 * hear about it.
 */
public interface LeadEventListener {

  /** A new (non-duplicate) event of any type was recorded for an existing lead. */
  void eventRecorded(LeadEvent event);
}
