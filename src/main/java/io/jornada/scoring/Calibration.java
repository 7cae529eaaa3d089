package io.jornada.scoring;

import java.util.Arrays;

/**
 * Maps a booster's raw margin to a calibrated probability, fitted on the validation split.
 *
 * <p>Two methods: {@code platt}, a logistic curve {@code sigmoid(slope · margin + intercept)}, and
 * {@code isotonic}, a monotone step function fitted by pool-adjacent-violators and interpolated
 * linearly between the blocks' mean margins. Both are monotone, so calibration never changes the
 * ranking (nor the AUC); it only makes 0.3 mean "3 in 10 such leads convert".
 *
 * @param method {@code platt} or {@code isotonic}
 * @param slope Platt slope (unused by isotonic)
 * @param intercept Platt intercept (unused by isotonic)
 * @param margins isotonic knots, ascending (empty for Platt)
 * @param probabilities isotonic values at the knots, non-decreasing (empty for Platt)
 */
record Calibration(
    String method, double slope, double intercept, double[] margins, double[] probabilities) {

  static final String PLATT = "platt";
  static final String ISOTONIC = "isotonic";

  /** Keeps log-loss finite and a lead never "certain": a block of all-converted leads is rare luck. */
  private static final double EPSILON = 1e-4;

  Calibration {
    margins = margins == null ? new double[0] : margins.clone();
    probabilities = probabilities == null ? new double[0] : probabilities.clone();
  }

  /**
   * What older models (stored before calibration was fitted) get: the prior shift that undoes
   * {@code scale_pos_weight}, which multiplies the learnt odds by {@code w}.
   */
  static Calibration priorShift(double scalePosWeight) {
    return platt(1, -Math.log(scalePosWeight));
  }

  static Calibration platt(double slope, double intercept) {
    return new Calibration(PLATT, slope, intercept, null, null);
  }

  double probability(double margin) {
    if (PLATT.equals(method)) {
      return sigmoid(slope * margin + intercept);
    }
    if (margin <= margins[0]) {
      return probabilities[0];
    }
    int last = margins.length - 1;
    if (margin >= margins[last]) {
      return probabilities[last];
    }
    int index = Arrays.binarySearch(margins, margin);
    if (index >= 0) {
      return probabilities[index];
    }
    int upper = -index - 1;
    int lower = upper - 1;
    double t = (margin - margins[lower]) / (margins[upper] - margins[lower]);
    return probabilities[lower] + t * (probabilities[upper] - probabilities[lower]);
  }

  /** Fits a Platt curve by Newton's method on the log-loss (with a tiny ridge for separable data). */
  static Calibration fitPlatt(double[] margins, boolean[] outcomes) {
    double a = 1;
    double b = 0;
    for (int iteration = 0; iteration < 50; iteration++) {
      double ga = 1e-6 * a;
      double gb = 0;
      double haa = 1e-6;
      double hab = 0;
      double hbb = 1e-9;
      for (int i = 0; i < margins.length; i++) {
        double p = sigmoid(a * margins[i] + b);
        double residual = p - (outcomes[i] ? 1 : 0);
        double weight = p * (1 - p);
        ga += residual * margins[i];
        gb += residual;
        haa += weight * margins[i] * margins[i];
        hab += weight * margins[i];
        hbb += weight;
      }
      double determinant = haa * hbb - hab * hab;
      double stepA = (hbb * ga - hab * gb) / determinant;
      double stepB = (haa * gb - hab * ga) / determinant;
      a -= stepA;
      b -= stepB;
      if (Math.abs(stepA) + Math.abs(stepB) < 1e-10) {
        break;
      }
    }
    return platt(a, b);
  }

  /**
   * Fits an isotonic (non-decreasing) map by pool-adjacent-violators: sort by margin, then merge
   * neighbouring blocks while a block's conversion rate exceeds the next one's. Equal margins are
   * pooled first, so ties never get different probabilities.
   */
  static Calibration fitIsotonic(double[] margins, boolean[] outcomes) {
    Integer[] order = new Integer[margins.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (i, j) -> Double.compare(margins[i], margins[j]));
    int n = margins.length;
    double[] sumX = new double[n];
    double[] sumY = new double[n];
    double[] count = new double[n];
    double[] maxX = new double[n];
    int blocks = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      double x = margins[i];
      double y = outcomes[i] ? 1 : 0;
      if (blocks > 0 && maxX[blocks - 1] == x) {
        sumX[blocks - 1] += x;
        sumY[blocks - 1] += y;
        count[blocks - 1]++;
      } else {
        sumX[blocks] = x;
        sumY[blocks] = y;
        count[blocks] = 1;
        maxX[blocks] = x;
        blocks++;
      }
      while (blocks > 1 && sumY[blocks - 2] / count[blocks - 2] >= sumY[blocks - 1] / count[blocks - 1]) {
        sumX[blocks - 2] += sumX[blocks - 1];
        sumY[blocks - 2] += sumY[blocks - 1];
        count[blocks - 2] += count[blocks - 1];
        maxX[blocks - 2] = maxX[blocks - 1];
        blocks--;
      }
    }
    double[] knots = new double[blocks];
    double[] values = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      knots[b] = sumX[b] / count[b];
      values[b] = Math.min(Math.max(sumY[b] / count[b], EPSILON), 1 - EPSILON);
    }
    return new Calibration(ISOTONIC, 0, 0, knots, values);
  }

  /**
   * Picks Platt or isotonic by the log-loss each reaches on data it was not fitted on (2-fold
   * cross-validation within the validation split: fitted and scored on the same rows, isotonic would
   * always win), then refits the winner on the whole split.
   */
  static Calibration fitBest(double[] margins, boolean[] outcomes) {
    double platt = 0;
    double isotonic = 0;
    for (int fold = 0; fold < 2; fold++) {
      Split split = Split.of(margins, outcomes, fold);
      platt += fitPlatt(split.fitMargins(), split.fitOutcomes()).logLoss(split.testMargins(), split.testOutcomes());
      isotonic += fitIsotonic(split.fitMargins(), split.fitOutcomes()).logLoss(split.testMargins(), split.testOutcomes());
    }
    return isotonic < platt ? fitIsotonic(margins, outcomes) : fitPlatt(margins, outcomes);
  }

  double logLoss(double[] margins, boolean[] outcomes) {
    double[] probabilities = new double[margins.length];
    for (int i = 0; i < margins.length; i++) {
      probabilities[i] = probability(margins[i]);
    }
    return ClassificationMetrics.logLoss(probabilities, outcomes);
  }

  static double sigmoid(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }

  // Records compare arrays by identity; metadata equality must compare the knots.
  @Override
  public boolean equals(Object other) {
    return other instanceof Calibration c
        && method.equals(c.method)
        && slope == c.slope
        && intercept == c.intercept
        && Arrays.equals(margins, c.margins)
        && Arrays.equals(probabilities, c.probabilities);
  }

  @Override
  public int hashCode() {
    return 31 * method.hashCode() + Arrays.hashCode(margins);
  }

  @Override
  public String toString() {
    return PLATT.equals(method)
        ? "platt(slope=" + slope + ", intercept=" + intercept + ")"
        : "isotonic(" + margins.length + " knots)";
  }

  /** Alternate rows into two folds; the rows arrive in time order, so both folds span the period. */
  private record Split(double[] fitMargins, boolean[] fitOutcomes, double[] testMargins, boolean[] testOutcomes) {

    static Split of(double[] margins, boolean[] outcomes, int testFold) {
      int testSize = (margins.length + 1 - testFold) / 2;
      int fitSize = margins.length - testSize;
      double[] fitM = new double[fitSize];
      boolean[] fitO = new boolean[fitSize];
      double[] testM = new double[testSize];
      boolean[] testO = new boolean[testSize];
      int f = 0;
      int t = 0;
      for (int i = 0; i < margins.length; i++) {
        if (i % 2 == testFold) {
          testM[t] = margins[i];
          testO[t++] = outcomes[i];
        } else {
          fitM[f] = margins[i];
          fitO[f++] = outcomes[i];
        }
      }
      return new Split(fitM, fitO, testM, testO);
    }
  }
}
