package io.jornada.scoring;

import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadProfile;
import java.time.Instant;
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

  /** The lead as a training row: features seen at {@code asOf}, ordered by creation time. */
  TrainingExample example(Instant asOf) {
    return new TrainingExample(
        profile.leadId(), LeadFeatures.of(profile, asOf), profile.createdAt(), converted);
  }
}
