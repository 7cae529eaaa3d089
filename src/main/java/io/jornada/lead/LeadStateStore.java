package io.jornada.lead;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The live state of leads (Redis). Writes for one lead are atomic. */
public interface LeadStateStore {

  /** Creates or replaces the lead's attributes; engagement already recorded is kept. */
  void upsert(LeadProfile lead);

  /**
   * Folds one event into the lead's state. Idempotent by {@link LeadEvent#eventId()}: a duplicate
   * returns {@code false} and changes nothing.
   */
  boolean record(LeadEvent event);

  /** The lead as it is now, or empty when the lead is unknown. */
  Optional<LeadProfile> find(String leadId);

  /** The leads as they are now, by id, in the order given; unknown leads are left out. */
  default Map<String, LeadProfile> findAll(Collection<String> leadIds) {
    Map<String, LeadProfile> found = new LinkedHashMap<>();
    leadIds.forEach(leadId -> find(leadId).ifPresent(lead -> found.put(leadId, lead)));
    return found;
  }
}
