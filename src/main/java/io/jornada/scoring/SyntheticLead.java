package io.jornada.scoring;

import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadProfile;
import java.util.List;

/**
 * One generated lead: its profile (with the events already folded in), the events themselves in
 * time order, the ground-truth conversion probability and the conversion drawn from it.
 */
public record SyntheticLead(
    LeadProfile profile, List<LeadEvent> events, double trueProbability, boolean converted) {

  public SyntheticLead {
    events = List.copyOf(events);
  }

  TrainingExample example() {
    return new TrainingExample(profile, converted);
  }
}
