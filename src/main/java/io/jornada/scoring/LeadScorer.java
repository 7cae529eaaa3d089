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

  /**
   * Scores several leads without their reasons (empty), in order: the probability and band only,
   * for re-scores nobody reads the reasons of. Implementations whose reasons cost more than the
   * probability (TreeSHAP does, about thirty times) skip them.
   */
  default List<LeadScore> rankAll(List<LeadProfile> leads) {
    return scoreAll(leads).stream()
        .map(score -> new LeadScore(score.probability(), score.band(), List.of(), score.modelVersion()))
        .toList();
  }
}
