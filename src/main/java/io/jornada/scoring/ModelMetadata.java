package io.jornada.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the registry stores next to a model, as {@code metadata.json}.
 *
 * @param featureNames the feature columns the model expects, in order
 * @param scalePosWeight positive-class weight used in training, needed to calibrate probabilities
 * @param calibration margin-to-probability map and its method ({@code platt} or {@code isotonic});
 *     absent in models stored before calibration was fitted, which get the prior shift
 * @param trainingDataSha256 digest of the training matrix and labels
 * @param metrics validation metrics and split sizes
 */
record ModelMetadata(
    String version,
    Instant createdAt,
    List<String> featureNames,
    double scalePosWeight,
    Calibration calibration,
    String trainingDataSha256,
    Map<String, Double> metrics,
    TrainingParameters parameters) {

  ModelMetadata {
    featureNames = List.copyOf(featureNames);
    metrics = Map.copyOf(metrics);
    if (calibration == null) {
      calibration = Calibration.priorShift(scalePosWeight);
    }
  }
}
