package io.jornada.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A lead's score as stored on the lead: what {@code GET /api/leads/{id}/score} returns and what
 * threshold crossings compare.
 *
 * @param probability calibrated probability of conversion, 0..1
 * @param band A (hottest) to D
 * @param reasons the features that moved the raw margin most (see {@link LeadScore.Reason})
 * @param modelVersion the registry version that scored
 * @param scoredAt when it was scored
 */
public record StoredScore(
    String leadId, double probability, String band, List<LeadScore.Reason> reasons, String modelVersion, Instant scoredAt) {

  public StoredScore {
    reasons = List.copyOf(reasons);
  }

  static StoredScore of(String leadId, LeadScore score, Instant scoredAt) {
    return new StoredScore(leadId, score.probability(), score.band(), score.reasons(), score.modelVersion(), scoredAt);
  }

  /** Reasons as sales reads them, for example {@code count_pricing_view=5 (+0.83)}. */
  public List<String> reasonLabels() {
    return reasons.stream().map(LeadScore.Reason::label).toList();
  }
}
