package io.jornada.scoring;

import java.util.List;
import java.util.Locale;

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

  /**
   * One reason: a feature, its value for this lead, and its SHAP contribution to the model's raw
   * margin (log-odds before calibration). Contributions plus the model's bias add up to the margin;
   * the probability is the calibrated margin, so they rank reasons rather than add probabilities.
   */
  public record Reason(String feature, double value, double contribution) {

    /** As marketers and sales read it, for example {@code count_pricing_view=5 (+0.83)}. */
    public String label() {
      return feature + "=" + number(value) + String.format(Locale.ROOT, " (%+.2f)", contribution);
    }

    private static String number(double value) {
      // Counts are the usual feature values: show 5, not 5.00.
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      return String.format(Locale.ROOT, "%.2f", value);
    }
  }
}
