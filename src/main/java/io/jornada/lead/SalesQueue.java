package io.jornada.lead;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Leads handed to sales, hottest first. */
public interface SalesQueue {

  /**
   * Puts the lead in the sales queue with its score and reasons. Idempotent by leadId: handing the
   * same lead again only refreshes its score and reasons.
   */
  void handOff(String leadId, double score, List<String> reasons);

  /**
   * Updates the score and reasons of a lead already in the queue, so that the queue ranks by the
   * latest score; does nothing for a lead that was not handed off.
   */
  void refresh(String leadId, double score, List<String> reasons);

  /** {@link #refresh} for each entry (leadId, latest score, reasons). */
  default void refreshAll(List<HandOff> latest) {
    latest.forEach(entry -> refresh(entry.leadId(), entry.score(), entry.reasons()));
  }

  /**
   * Which of these leads are in the queue now, so that a caller refreshing many leads builds the
   * reasons of those only.
   */
  Set<String> queued(Collection<String> leadIds);

  /** The queue, highest score first. */
  List<HandOff> top(int limit);

  /** One lead waiting for sales. */
  record HandOff(String leadId, double score, List<String> reasons) {}
}
