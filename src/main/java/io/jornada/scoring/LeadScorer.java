package io.jornada.scoring;

import io.jornada.lead.LeadProfile;
import java.util.List;

/**
 * Scores a lead: the calibrated probability that it converts, its band and the reasons.
 *
 * <p>Implementations are safe for concurrent use; scoring has no side effects.
 */
public interface LeadScorer {

  LeadScore score(LeadProfile lead);

  /** Scores several leads at once, in order; implementations may do it in one call to the model. */
  default List<LeadScore> scoreAll(List<LeadProfile> leads) {
    return leads.stream().map(this::score).toList();
  }
}
