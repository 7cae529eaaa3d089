package io.jornada.lead;

import java.util.List;

/**
 * Hears about every new event stored for a lead, so that other features (scoring marks the lead
 * due for a re-score) react to engagement without the lead package depending on them.
 *
 * <p>Called after events are stored (their journey messages are in the journey outbox by then):
 * once per lead and batch of events, with the lead's last new event (a listener that re-reads the
 * lead's state needs no more). A listener that throws is logged and skipped: the events are stored and journeys still
 * hear about them.
 */
public interface LeadEventListener {

  /** A new (non-duplicate) event of any type was recorded for an existing lead. */
  void eventRecorded(LeadEvent event);

  /**
   * The leads of one batch at once, each with its last new event; by default one {@link
   * #eventRecorded} each. A listener that does I/O per lead overrides this to do it once per batch.
   */
  default void eventsRecorded(List<LeadEvent> lastEventPerLead) {
    lastEventPerLead.forEach(this::eventRecorded);
  }
}
