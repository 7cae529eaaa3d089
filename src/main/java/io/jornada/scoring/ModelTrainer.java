package io.jornada.scoring;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a binary XGBoost model on labelled leads.
 *
 * <p>The newest leads by creation time are held out for validation, as a deployed model always
 * scores leads newer than its training data. Validation AUC picks the number of rounds; the final
 * model is then boosted to exactly that many rounds so that the stored model is the one measured.
 * With fixed seed and thread count, the same examples give the same model.
 */
final class ModelTrainer {

  private final TrainingParameters parameters;

  ModelTrainer(TrainingParameters parameters) {
    this.parameters = parameters;
  }

  /**
   * @param examples labelled rows; both classes must appear in each split
   */
  TrainedModel train(List<TrainingExample> examples) {
    List<TrainingExample> byTime =
        examples.stream()
            .sorted(Comparator.comparing(TrainingExample::observedAt).thenComparing(TrainingExample::id))
            .toList();
    int validationSize = (int) Math.round(byTime.size() * parameters.validationFraction());
    int trainSize = byTime.size() - validationSize;
    Matrix train = Matrix.of(byTime.subList(0, trainSize));
    Matrix validation = Matrix.of(byTime.subList(trainSize, byTime.size()));
    if (train.positives() == 0 || train.negatives() == 0
        || validation.positives() == 0 || validation.negatives() == 0) {
      throw new IllegalArgumentException(
          "training needs both converted and unconverted leads in the training split ("
              + train.rows() + " oldest rows) and in the validation split (" + validation.rows()
              + " newest rows)");
    }
    // Rare conversions would let the trees settle for "nobody converts"; weighting positives keeps
    // the splits informative, and calibration on the validation split undoes the shifted odds.
    double scalePosWeight = parameters.balanceClasses() ? train.negatives() / train.positives() : 1;

    DMatrix trainMatrix = null;
    DMatrix validationMatrix = null;
    try {
      trainMatrix = train.toDMatrix();
      validationMatrix = validation.toDMatrix();
      Map<String, Object> params = xgboostParams(scalePosWeight);
      int rounds = bestRounds(trainMatrix, validationMatrix, params);
      Booster booster = XGBoost.train(trainMatrix, params, rounds, Map.of(), null, null);
      double[] margins = column(booster.predict(validationMatrix, true));
      boolean[] outcomes = validation.outcomes();
      Calibration calibration = Calibration.fitBest(margins, outcomes);
      Map<String, Double> metrics = new HashMap<>();
      metrics.put("validationAuc", Auc.of(margins, outcomes));
      metrics.put("validationLogLoss", calibration.logLoss(margins, outcomes));
      metrics.put("validationLogLossUncalibrated", Calibration.priorShift(scalePosWeight).logLoss(margins, outcomes));
      metrics.put("rounds", (double) rounds);
      metrics.put("trainRows", (double) train.rows());
      metrics.put("validationRows", (double) validation.rows());
      metrics.put("trainPositiveRate", train.positives() / train.rows());
      return new TrainedModel(booster, parameters, scalePosWeight, calibration, digest(train), metrics);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      dispose(trainMatrix);
      dispose(validationMatrix);
    }
  }

  /** Boosts round by round, stopping when validation AUC stops improving; returns the best count. */
  private int bestRounds(DMatrix train, DMatrix validation, Map<String, Object> params)
      throws XGBoostError {
    // An explicit loop rather than XGBoost.train's early stopping, which logs every round.
    Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
    try {
      double bestAuc = Double.NEGATIVE_INFINITY;
      int bestRound = 0;
      DMatrix[] sets = {validation};
      String[] names = {"validation"};
      for (int round = 0;
          round < parameters.maxRounds() && round - bestRound <= parameters.earlyStoppingRounds();
          round++) {
        booster.update(train, round);
        double auc = lastMetric(booster.evalSet(sets, names, round));
        if (auc > bestAuc) {
          bestAuc = auc;
          bestRound = round;
        }
      }
      return bestRound + 1;
    } finally {
      booster.dispose();
    }
  }

  private Map<String, Object> xgboostParams(double scalePosWeight) {
    Map<String, Object> params = new HashMap<>();
    params.put("objective", "binary:logistic");
    params.put("eval_metric", "auc");
    params.put("booster", parameters.booster());
    params.put("eta", parameters.eta());
    params.put("lambda", parameters.lambda());
    if (parameters.isLinear()) {
      // Exact coordinate descent: gblinear with binary:logistic is a plain logistic regression.
      params.put("updater", "coord_descent");
      params.put("feature_selector", "cyclic");
    } else {
      params.put("tree_method", "hist");
      params.put("max_depth", parameters.maxDepth());
      params.put("min_child_weight", parameters.minChildWeight());
      params.put("subsample", parameters.subsample());
      params.put("colsample_bytree", parameters.colsampleByTree());
    }
    params.put("scale_pos_weight", scalePosWeight);
    params.put("nthread", parameters.threads());
    params.put("seed", parameters.seed());
    // XGBoost 3 warns on every gblinear run that the booster is deprecated (README, "Evaluation").
    params.put("verbosity", parameters.isLinear() ? 0 : 1);
    return params;
  }

  /** evalSet answers like {@code [12]\tvalidation-auc:0.8123}. */
  private static double lastMetric(String evaluation) {
    return Double.parseDouble(evaluation.substring(evaluation.lastIndexOf(':') + 1).trim());
  }

  private static double[] column(float[][] predictions) {
    double[] values = new double[predictions.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = predictions[i][0];
    }
    return values;
  }

  /** Identifies the training data: feature names, then every value and label in row order. */
  private static String digest(Matrix matrix) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(String.join(",", LeadFeatures.NAMES).getBytes(StandardCharsets.UTF_8));
      ByteBuffer buffer = ByteBuffer.allocate(4 * (matrix.data().length + matrix.labels().length));
      for (float value : matrix.data()) {
        buffer.putFloat(value);
      }
      for (float label : matrix.labels()) {
        buffer.putFloat(label);
      }
      sha.update(buffer.array());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  private static void dispose(DMatrix matrix) {
    if (matrix != null) {
      matrix.dispose();
    }
  }

  /** Row-major features and labels of one split. */
  private record Matrix(float[] data, float[] labels) {

    static Matrix of(List<TrainingExample> examples) {
      int columns = LeadFeatures.NAMES.size();
      float[] data = new float[examples.size() * columns];
      float[] labels = new float[examples.size()];
      for (int row = 0; row < examples.size(); row++) {
        TrainingExample example = examples.get(row);
        System.arraycopy(example.features(), 0, data, row * columns, columns);
        labels[row] = example.converted() ? 1 : 0;
      }
      return new Matrix(data, labels);
    }

    int rows() {
      return labels.length;
    }

    double positives() {
      double sum = 0;
      for (float label : labels) {
        sum += label;
      }
      return sum;
    }

    double negatives() {
      return rows() - positives();
    }

    boolean[] outcomes() {
      boolean[] outcomes = new boolean[labels.length];
      for (int i = 0; i < labels.length; i++) {
        outcomes[i] = labels[i] == 1;
      }
      return outcomes;
    }

    DMatrix toDMatrix() throws XGBoostError {
      DMatrix matrix = new DMatrix(data, rows(), LeadFeatures.NAMES.size(), Float.NaN);
      matrix.setLabel(labels);
      return matrix;
    }
  }
}
