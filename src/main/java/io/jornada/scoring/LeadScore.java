package io.jornada.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

  /**
   * One reason: a feature, its value for this lead, and its SHAP contribution to the model's raw
   * margin (log-odds before calibration). Contributions plus the model's bias add up to the margin;
   * the probability is the calibrated margin, so they rank reasons rather than add probabilities.
   */
  public record Reason(String feature, double value, double contribution) {

    /**
     * As marketers and sales read it, for example {@code count_pricing_view=5 (+0.83)} or {@code
     * x=0.50 (-1.20)}: the value as a whole number when it is one, else with two decimals, and the
     * signed contribution with two decimals; rounded half up, exactly as {@code %.2f} and {@code
     * %+.2f} would. Built without {@link String#format}: it runs for every queued lead of every
     * ingested batch.
     */
    public String label() {
      StringBuilder label = new StringBuilder(feature.length() + 16).append(feature).append('=');
      // Counts are the usual feature values: show 5, not 5.00.
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        label.append((long) value);
      } else {
        appendTwoDecimals(label, value, false);
      }
      label.append(" (");
      appendTwoDecimals(label, contribution, true);
      return label.append(')').toString();
    }

    /**
     * {@code %.2f} ({@code %+.2f} when {@code signed}): the sign from the double itself (so {@code
     * -0.001} is {@code -0.00}), the digits rounded half up from its shortest decimal form, as
     * {@link java.util.Formatter} does.
     */
    private static void appendTwoDecimals(StringBuilder out, double number, boolean signed) {
      if (Double.isNaN(number)) {
        out.append("NaN");
        return;
      }
      boolean negative = Double.compare(number, 0.0) < 0;
      if (negative) {
        out.append('-');
      } else if (signed) {
        out.append('+');
      }
      if (Double.isInfinite(number)) {
        out.append("Infinity");
        return;
      }
      out.append(BigDecimal.valueOf(Math.abs(number)).setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
  }
}
