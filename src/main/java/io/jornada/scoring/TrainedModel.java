package io.jornada.scoring;

import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * The outcome of one training run, ready to be stored in the {@link ModelRegistry}.
 *
 * @param scalePosWeight the positive-class weight used in training; 1 when classes were not
 *     balanced
 * @param calibration maps the booster's margin to a probability; fitted on the validation split
 * @param trainingDataSha256 digest of the feature matrix and labels the model was trained on
 */
record TrainedModel(
    Booster booster,
    TrainingParameters parameters,
    double scalePosWeight,
    Calibration calibration,
    String trainingDataSha256,
    Map<String, Double> metrics) {

  TrainedModel {
    metrics = Map.copyOf(metrics);
  }
}
