package io.jornada.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Measures of a probabilistic classifier on labelled rows: calibration error, ROC curve,
 * reliability bins and gains by decile. Plain arrays in, so that models, baselines and the ground
 * truth are measured by the same code.
 */
final class ClassificationMetrics {

  private ClassificationMetrics() {}

  /** One reliability bin: mean predicted probability, observed conversion rate, rows. */
  record Bin(double lower, double upper, double meanPredicted, double observedRate, int rows) {}

  /** One decile of leads ranked by score, hottest first. */
  record Decile(int decile, int rows, int conversions, double cumulativeGain, double lift) {}

  /** Mean log-loss of probabilities against outcomes, probabilities clamped to [1e-15, 1 − 1e-15]. */
  static double logLoss(double[] probabilities, boolean[] outcomes) {
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double p = Math.min(Math.max(probabilities[i], 1e-15), 1 - 1e-15);
      sum -= outcomes[i] ? Math.log(p) : Math.log(1 - p);
    }
    return sum / probabilities.length;
  }

  /**
   * Expected calibration error over {@code bins} equal-width probability bins: the row-weighted
   * mean of |mean predicted − observed rate|.
   */
  static double ece(double[] probabilities, boolean[] outcomes, int bins) {
    double error = 0;
    for (Bin bin : reliability(probabilities, outcomes, bins)) {
      error += bin.rows() * Math.abs(bin.meanPredicted() - bin.observedRate());
    }
    return error / probabilities.length;
  }

  /** Non-empty equal-width bins, lowest first. */
  static List<Bin> reliability(double[] probabilities, boolean[] outcomes, int bins) {
    double[] sumPredicted = new double[bins];
    double[] positives = new double[bins];
    int[] rows = new int[bins];
    for (int i = 0; i < probabilities.length; i++) {
      int bin = Math.min((int) (probabilities[i] * bins), bins - 1);
      sumPredicted[bin] += probabilities[i];
      positives[bin] += outcomes[i] ? 1 : 0;
      rows[bin]++;
    }
    List<Bin> result = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (rows[b] > 0) {
        result.add(new Bin((double) b / bins, (double) (b + 1) / bins, sumPredicted[b] / rows[b], positives[b] / rows[b], rows[b]));
      }
    }
    return result;
  }

  /** ROC points (false positive rate, true positive rate) from (0,0) to (1,1), one per distinct score. */
  static List<double[]> roc(double[] scores, boolean[] outcomes) {
    Integer[] order = descending(scores);
    double positives = count(outcomes);
    double negatives = outcomes.length - positives;
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {0, 0});
    double tp = 0;
    double fp = 0;
    for (int k = 0; k < order.length; k++) {
      if (outcomes[order[k]]) {
        tp++;
      } else {
        fp++;
      }
      if (k == order.length - 1 || scores[order[k + 1]] != scores[order[k]]) {
        points.add(new double[] {fp / negatives, tp / positives});
      }
    }
    return points;
  }

  /** Cumulative gains and lift of each decile, the leads ranked by score, hottest first. */
  static List<Decile> deciles(double[] scores, boolean[] outcomes) {
    Integer[] order = descending(scores);
    double positives = count(outcomes);
    double baseRate = positives / outcomes.length;
    List<Decile> deciles = new ArrayList<>();
    int cumulative = 0;
    int start = 0;
    for (int d = 1; d <= 10; d++) {
      int end = (int) Math.round(outcomes.length * d / 10.0);
      int conversions = 0;
      for (int k = start; k < end; k++) {
        conversions += outcomes[order[k]] ? 1 : 0;
      }
      cumulative += conversions;
      int rows = end - start;
      double lift = rows == 0 ? 0 : ((double) conversions / rows) / baseRate;
      deciles.add(new Decile(d, rows, conversions, cumulative / positives, lift));
      start = end;
    }
    return deciles;
  }

  private static Integer[] descending(double[] scores) {
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    return order;
  }

  private static double count(boolean[] outcomes) {
    double sum = 0;
    for (boolean outcome : outcomes) {
      sum += outcome ? 1 : 0;
    }
    return sum;
  }
}
