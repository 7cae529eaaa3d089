package io.jornada.scoring;

/**
 * Undoes the prior shift of class weighting. Training with {@code scale_pos_weight = w} multiplies
 * the odds the model learns by {@code w}, so the calibrated log-odds are the booster margin minus
 * {@code ln w}.
 */
final class Calibration {

  private Calibration() {}

  /** What to add to a booster margin to get calibrated log-odds. */
  static double marginOffset(double scalePosWeight) {
    return -Math.log(scalePosWeight);
  }

  static double probability(double margin, double scalePosWeight) {
    return sigmoid(margin + marginOffset(scalePosWeight));
  }

  static double sigmoid(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }
}
