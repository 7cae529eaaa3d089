package io.jornada.scoring;

import java.util.List;

/**
 * A lead's score.
 *
 * @param probability calibrated probability of conversion, 0..1
 * @param band A (hottest) to D
 * @param reasons the features that pushed the score most, strongest first
 * @param modelVersion the registry version of the model that produced it
 */
public record LeadScore(double probability, String band, List<Reason> reasons, String modelVersion) {

  public LeadScore {
    reasons = List.copyOf(reasons);
  }

  /** One reason: a feature, its value for this lead, and its contribution to the margin. */
  public record Reason(String feature, double value, double contribution) {}
}
