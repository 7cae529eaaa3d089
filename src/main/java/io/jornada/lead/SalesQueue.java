package io.jornada.lead;

import java.util.List;

/** Leads handed to sales, hottest first. */
public interface SalesQueue {

  /**
   * Puts the lead in the sales queue with its score and reasons. Idempotent by leadId: handing the
   * same lead again only refreshes its score and reasons.
   */
  void handOff(String leadId, double score, List<String> reasons);

  /** The queue, highest score first. */
  List<HandOff> top(int limit);

  /** One lead waiting for sales. */
  record HandOff(String leadId, double score, List<String> reasons) {}
}
