package io.jornada.scoring;

import io.jornada.lead.LeadProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Scores leads with a registry model: calibrated probability, band, and the three features that
 * moved the score most according to TreeSHAP contributions to the raw margin.
 *
 * <p>Reasons are the positive contributions, strongest first; when fewer than three features
 * pushed the score up, the strongest negative ones follow, so a cold lead is explained too.
 *
 * <p>Thread-safe: XGBoost does not promise that one booster predicts concurrently, so calls on the
 * booster are serialised. A prediction takes microseconds, far below the cost of a job round trip.
 */
final class XGBoostLeadScorer implements LeadScorer, AutoCloseable {

  private static final int REASONS = 3;

  private final Booster booster;
  private final ModelMetadata metadata;
  private final ScoreBands bands;
  private final Clock clock;

  XGBoostLeadScorer(LoadedModel model, ScoreBands bands, Clock clock) {
    this.booster = model.booster();
    this.metadata = model.metadata();
    try {
      // One row per call: OpenMP threads cannot share that work, and on a busy machine the calling
      // thread spin-waits for a descheduled helper thread, which is what made the latency tail.
      booster.setParam("nthread", 1);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost rejected nthread=1 for model " + metadata.version(), e);
    }
    this.bands = bands;
    this.clock = clock;
  }

  @Override
  public LeadScore score(LeadProfile lead) {
    return score(explain(lead));
  }

  /** One matrix of all the leads, one prediction call: per lead, the JNI calls were the cost. */
  @Override
  public List<LeadScore> scoreAll(List<LeadProfile> leads) {
    return explainAll(leads).stream().map(this::score).toList();
  }

  private LeadScore score(Explanation explanation) {
    List<LeadScore.Reason> reasons = new ArrayList<>();
    for (int i = 0; i < explanation.features().length; i++) {
      if (explanation.contributions()[i] != 0) {
        reasons.add(
            new LeadScore.Reason(
                LeadFeatures.NAMES.get(i), explanation.features()[i], explanation.contributions()[i]));
      }
    }
    reasons.sort(
        Comparator.comparing((LeadScore.Reason r) -> r.contribution() < 0)
            .thenComparing(r -> -Math.abs(r.contribution())));
    return new LeadScore(
        explanation.probability(),
        bands.bandOf(explanation.probability()),
        reasons.subList(0, Math.min(REASONS, reasons.size())),
        metadata.version());
  }

  /**
   * The lead's features and their TreeSHAP contributions to the booster's raw margin (log-odds
   * before calibration), such that {@code sum(contributions) + bias = margin}; the probability is
   * the calibration of that margin. Calibration is monotone, so a feature that raises the margin
   * raises the probability too, but contributions are not additive in probability.
   */
  Explanation explain(LeadProfile lead) {
    return explainAll(List.of(lead)).get(0);
  }

  /** Margins only, no TreeSHAP: a thirtieth of {@link #scoreAll}'s time per lead. */
  @Override
  public List<LeadScore> rankAll(List<LeadProfile> leads) {
    if (leads.isEmpty()) {
      return List.of();
    }
    float[][] margins = predict(rows(leads), false).margins();
    List<LeadScore> scores = new ArrayList<>(leads.size());
    for (float[] margin : margins) {
      double probability = metadata.calibration().probability(margin[0]);
      scores.add(new LeadScore(probability, bands.bandOf(probability), List.of(), metadata.version()));
    }
    return scores;
  }

  /** {@link #explain} for each lead, in order, with one matrix and one call per prediction kind. */
  List<Explanation> explainAll(List<LeadProfile> leads) {
    if (leads.isEmpty()) {
      return List.of();
    }
    List<float[]> rows = rows(leads);
    Predictions predictions = predict(rows, true);
    List<Explanation> explanations = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      explanations.add(explanation(rows.get(r), predictions.contributions()[r], predictions.margins()[r][0]));
    }
    return explanations;
  }

  private List<float[]> rows(List<LeadProfile> leads) {
    Instant now = clock.instant();
    List<float[]> rows = new ArrayList<>(leads.size());
    leads.forEach(lead -> rows.add(LeadFeatures.of(lead, now)));
    return rows;
  }

  /** One matrix, the margins and, when asked, the TreeSHAP contributions (else null). */
  private Predictions predict(List<float[]> rows, boolean contributions) {
    int width = rows.get(0).length;
    float[] matrix = new float[rows.size() * width];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, matrix, r * width, width);
    }
    synchronized (booster) {
      DMatrix data = null;
      try {
        data = new DMatrix(matrix, rows.size(), width, Float.NaN);
        float[][] contributed = contributions ? booster.predictContrib(data, 0) : null;
        return new Predictions(booster.predict(data, true), contributed);
      } catch (XGBoostError e) {
        throw new IllegalStateException("XGBoost failed to score with model " + metadata.version(), e);
      } finally {
        if (data != null) {
          data.dispose();
        }
      }
    }
  }

  private record Predictions(float[][] margins, float[][] contributions) {}

  private Explanation explanation(float[] features, float[] contributions, float margin) {
    double[] featureContributions = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      featureContributions[i] = contributions[i];
    }
    // The last column is the bias, the margin of a lead with average features.
    double bias = contributions[features.length];
    double probability = metadata.calibration().probability(margin);
    return new Explanation(features, featureContributions, bias, margin, probability);
  }

  @Override
  public void close() {
    synchronized (booster) {
      booster.dispose();
    }
  }

  /** Per-feature view of one score, in {@link LeadFeatures#NAMES} order. */
  record Explanation(
      float[] features, double[] contributions, double bias, double margin, double probability) {}
}
