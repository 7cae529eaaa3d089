package io.jornada.lead;

/**
 * Hears about every new event stored for a lead, so that other features (scoring re-scores the
 * lead) react to engagement without the lead package depending on them.
 *
 * <p>Called after events are stored and before journeys are signalled: once per lead and batch of
 * events, with the lead's last new event (a listener that re-reads the lead's state needs no
 * more). A listener that throws is logged and skipped: the events are stored and journeys still
 * hear about them.
 */
public interface LeadEventListener {

  /** A new (non-duplicate) event of any type was recorded for an existing lead. */
  void eventRecorded(LeadEvent event);
}
