package io.jornada.scoring;

import io.jornada.lead.LeadProfile;

/**
 * Scores a lead: the calibrated probability that it converts, its band and the reasons.
 *
 * <p>Implementations are safe for concurrent use; scoring has no side effects.
 */
public interface LeadScorer {

  LeadScore score(LeadProfile lead);
}
