package io.jornada.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Measures a model on held-out labelled rows and writes the report: {@code report.md} with the
 * metrics, the reliability and decile tables and four charts ({@code roc.png}, {@code
 * calibration.png}, {@code gains.png}, {@code lift.png}).
 *
 * <p>On the synthetic population the report also holds the Bayes-optimal AUC (the ground truth's
 * own probabilities ranked against the drawn outcomes) and a logistic-regression baseline trained
 * on the same rows and split, so that "good" has two fixed references.
 */
final class ModelEvaluation {

  static final int ECE_BINS = 10;
  static final double TARGET_BAYES_RATIO = 0.97;
  static final double TARGET_LOGREG_GAIN = 0.02;
  static final double TARGET_ECE = 0.02;

  /** What was measured; {@code bayesAuc} and {@code logregAuc} are NaN when not computable. */
  record Result(double auc, double bayesAuc, double logregAuc, double ece, double logLoss, int rows, double positiveRate) {

    /** The one summary line the command ends with. */
    String summary() {
      return "evaluate: auc=" + format(auc) + " bayes_auc=" + format(bayesAuc) + " logreg_auc="
          + format(logregAuc) + " ece=" + format(ece);
    }
  }

  private ModelEvaluation() {}

  /**
   * Trains the model and the logistic-regression baseline on {@code training} synthetic leads and
   * measures both on {@code heldOut}, which the trainer never saw.
   */
  static Result synthetic(
      TrainingParameters parameters, List<SyntheticLead> training, List<SyntheticLead> heldOut, Instant asOf, Path out) {
    List<TrainingExample> examples = training.stream().map(lead -> lead.example(asOf)).toList();
    List<TrainingExample> test = heldOut.stream().map(lead -> lead.example(asOf)).toList();
    boolean[] outcomes = outcomes(test);
    TrainedModel model = new ModelTrainer(parameters).train(examples);
    TrainedModel logreg = new ModelTrainer(parameters.asLogisticRegression()).train(examples);
    try {
      double[] probabilities = probabilities(model.booster(), model.calibration(), test);
      double[] baseline = probabilities(logreg.booster(), logreg.calibration(), test);
      double[] truth = heldOut.stream().mapToDouble(SyntheticLead::trueProbability).toArray();
      Result result = measure(probabilities, outcomes, GroundTruthModel.optimalAuc(heldOut), Auc.of(baseline, outcomes));
      String data = String.format(Locale.ROOT,
          "Synthetic population (ground truth in `GroundTruthModel`): model and baseline trained on %,d leads"
              + " (time-based split, %.0f%% newest for early stopping and calibration), measured on %,d held-out"
              + " leads from another seed.",
          training.size(), parameters.validationFraction() * 100, heldOut.size());
      write(out, data, result, model.calibration(), model.metrics(), outcomes,
          List.of(new Charts.Series("XGBoost", ClassificationMetrics.roc(probabilities, outcomes), false),
              new Charts.Series("logistic regression", ClassificationMetrics.roc(baseline, outcomes), false),
              new Charts.Series("ground truth (Bayes)", ClassificationMetrics.roc(truth, outcomes), false)),
          probabilities);
      return result;
    } finally {
      model.booster().dispose();
      logreg.booster().dispose();
    }
  }

  /** Measures a stored model on labelled rows (a CSV); no ground truth, no baseline. */
  static Result stored(LoadedModel model, List<TrainingExample> rows, String source, Path out) {
    boolean[] outcomes = outcomes(rows);
    double[] probabilities = probabilities(model.booster(), model.metadata().calibration(), rows);
    Result result = measure(probabilities, outcomes, Double.NaN, Double.NaN);
    String data = String.format(Locale.ROOT, "Model %s measured on %,d labelled rows of `%s`.",
        model.metadata().version(), rows.size(), source);
    write(out, data, result, model.metadata().calibration(), model.metadata().metrics(), outcomes,
        List.of(new Charts.Series("model " + model.metadata().version(), ClassificationMetrics.roc(probabilities, outcomes), false)),
        probabilities);
    return result;
  }

  /** Calibrated probabilities of the rows, predicted on a fresh matrix. */
  static double[] probabilities(Booster booster, Calibration calibration, List<TrainingExample> rows) {
    int columns = LeadFeatures.NAMES.size();
    float[] data = new float[rows.size() * columns];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i).features(), 0, data, i * columns, columns);
    }
    DMatrix matrix = null;
    try {
      matrix = new DMatrix(data, rows.size(), columns, Float.NaN);
      float[][] margins = booster.predict(matrix, true);
      double[] probabilities = new double[margins.length];
      for (int i = 0; i < margins.length; i++) {
        probabilities[i] = calibration.probability(margins[i][0]);
      }
      return probabilities;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  private static Result measure(double[] probabilities, boolean[] outcomes, double bayesAuc, double logregAuc) {
    double positives = 0;
    for (boolean outcome : outcomes) {
      positives += outcome ? 1 : 0;
    }
    return new Result(
        Auc.of(probabilities, outcomes), bayesAuc, logregAuc,
        ClassificationMetrics.ece(probabilities, outcomes, ECE_BINS),
        ClassificationMetrics.logLoss(probabilities, outcomes), outcomes.length, positives / outcomes.length);
  }

  private static void write(
      Path out, String data, Result result, Calibration calibration, Map<String, Double> trainingMetrics,
      boolean[] outcomes, List<Charts.Series> rocs, double[] probabilities) {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
    List<Charts.Series> roc = new ArrayList<>(rocs);
    roc.add(new Charts.Series("random", List.of(new double[] {0, 0}, new double[] {1, 1}), true));
    Charts.line(out.resolve("roc.png"), "ROC curve", "false positive rate", "true positive rate", 1, roc);

    List<ClassificationMetrics.Bin> bins = ClassificationMetrics.reliability(probabilities, outcomes, ECE_BINS);
    List<double[]> reliability = bins.stream().map(b -> new double[] {b.meanPredicted(), b.observedRate()}).toList();
    Charts.line(out.resolve("calibration.png"), "Reliability diagram (10 bins)", "mean predicted probability",
        "observed conversion rate", 1,
        List.of(new Charts.Series("model", reliability, false),
            new Charts.Series("perfect", List.of(new double[] {0, 0}, new double[] {1, 1}), true)));

    List<ClassificationMetrics.Decile> deciles = ClassificationMetrics.deciles(probabilities, outcomes);
    List<double[]> gains = new ArrayList<>();
    gains.add(new double[] {0, 0});
    deciles.forEach(d -> gains.add(new double[] {d.decile() / 10.0, d.cumulativeGain()}));
    Charts.line(out.resolve("gains.png"), "Cumulative gains by decile", "share of leads contacted (hottest first)",
        "share of conversions", 1,
        List.of(new Charts.Series("model", gains, false),
            new Charts.Series("random", List.of(new double[] {0, 0}, new double[] {1, 1}), true)));
    Charts.bars(out.resolve("lift.png"), "Lift by decile", "decile (1 = hottest)", "lift",
        deciles.stream().mapToDouble(ClassificationMetrics.Decile::lift).toArray(), 1);

    StringBuilder md = new StringBuilder();
    md.append("# Lead scoring evaluation\n\n").append(data).append("\n\n");
    md.append(String.format(Locale.ROOT, "Rows: %,d · conversion rate: %.2f%% · calibration: %s%n%n",
        result.rows(), result.positiveRate() * 100, calibration));
    md.append("| metric | value | target |\n|---|---|---|\n");
    md.append(row("AUC (XGBoost)", result.auc(), Double.isNaN(result.bayesAuc()) ? "" :
        target(result.auc() >= TARGET_BAYES_RATIO * result.bayesAuc(), "≥ 0.97 × Bayes = " + format(TARGET_BAYES_RATIO * result.bayesAuc()))));
    md.append(row("Bayes-optimal AUC (ground truth)", result.bayesAuc(), ""));
    md.append(row("AUC (logistic regression)", result.logregAuc(), Double.isNaN(result.logregAuc()) ? "" :
        target(result.auc() - result.logregAuc() >= TARGET_LOGREG_GAIN, "XGBoost ≥ baseline + 0.02 (gain " + format(result.auc() - result.logregAuc()) + ")")));
    md.append(row("ECE (10 equal-width bins)", result.ece(), target(result.ece() <= TARGET_ECE, "≤ 0.02")));
    md.append(row("log-loss", result.logLoss(), ""));
    md.append("\nTraining metrics of the model: ").append(new TreeMap<>(trainingMetrics)).append("\n\n");
    md.append("## ROC curve\n\n![ROC](roc.png)\n\n## Calibration (reliability diagram)\n\n![calibration](calibration.png)\n\n");
    md.append("| bin | mean predicted | observed | leads |\n|---|---|---|---|\n");
    for (ClassificationMetrics.Bin bin : bins) {
      md.append(String.format(Locale.ROOT, "| %.1f–%.1f | %.4f | %.4f | %,d |%n", bin.lower(), bin.upper(), bin.meanPredicted(), bin.observedRate(), bin.rows()));
    }
    md.append("\n## Gains and lift by decile\n\n![gains](gains.png) ![lift](lift.png)\n\n");
    md.append("| decile | leads | conversions | cumulative gain | lift |\n|---|---|---|---|---|\n");
    for (ClassificationMetrics.Decile d : deciles) {
      md.append(String.format(Locale.ROOT, "| %d | %,d | %,d | %.1f%% | %.2f |%n", d.decile(), d.rows(), d.conversions(), d.cumulativeGain() * 100, d.lift()));
    }
    md.append("\n").append(result.summary()).append("\n");
    try {
      Files.writeString(out.resolve("report.md"), md.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report in " + out, e);
    }
  }

  private static String row(String name, double value, String target) {
    return "| " + name + " | " + format(value) + " | " + target + " |\n";
  }

  private static String target(boolean met, String description) {
    return (met ? "met: " : "MISSED: ") + description;
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static boolean[] outcomes(List<TrainingExample> rows) {
    boolean[] outcomes = new boolean[rows.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = rows.get(i).converted();
    }
    return outcomes;
  }
}
