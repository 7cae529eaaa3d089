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
 * @param explained whether the reasons were computed (a re-score on ingest skips them for leads
 *     nobody reads them of; stored, such a score has no reasons)
 */
public record StoredScore(
    String leadId,
    double probability,
    String band,
    List<LeadScore.Reason> reasons,
    String modelVersion,
    Instant scoredAt,
    boolean explained) {

  public StoredScore {
    reasons = List.copyOf(reasons);
  }

  /** A score with its reasons. */
  static StoredScore of(String leadId, LeadScore score, Instant scoredAt) {
    return new StoredScore(leadId, score.probability(), score.band(), score.reasons(), score.modelVersion(), scoredAt, true);
  }

  /** A score computed without its reasons ({@link LeadScorer#rankAll}). */
  static StoredScore unexplained(String leadId, LeadScore score, Instant scoredAt) {
    return new StoredScore(leadId, score.probability(), score.band(), List.of(), score.modelVersion(), scoredAt, false);
  }

  /** Reasons as sales reads them, for example {@code count_pricing_view=5 (+0.83)}. */
  public List<String> reasonLabels() {
    return reasons.stream().map(LeadScore.Reason::label).toList();
  }
}
