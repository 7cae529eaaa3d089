package io.jornada.scoring;

/**
 * XGBoost hyper-parameters and the training protocol, with defaults that train the bootstrap
 * model in a few seconds on two cores.
 *
 * @param maxRounds upper bound on boosting rounds
 * @param earlyStoppingRounds stop when validation AUC has not improved for this many rounds
 * @param eta learning rate
 * @param maxDepth depth of each tree
 * @param minChildWeight minimum hessian in a leaf; guards against fitting a handful of leads
 * @param subsample fraction of rows sampled per tree
 * @param colsampleByTree fraction of features sampled per tree
 * @param lambda L2 regularisation of leaf weights
 * @param validationFraction share of the newest leads (by creation time) held out for validation
 * @param balanceClasses whether to weight positives by negatives/positives ({@code
 *     scale_pos_weight}); the scorer undoes the resulting shift so probabilities stay calibrated
 * @param threads native threads; fixed so that results do not depend on the machine
 * @param seed seed of XGBoost's row and column sampling
 */
record TrainingParameters(
    int maxRounds,
    int earlyStoppingRounds,
    double eta,
    int maxDepth,
    double minChildWeight,
    double subsample,
    double colsampleByTree,
    double lambda,
    double validationFraction,
    boolean balanceClasses,
    int threads,
    long seed) {

  TrainingParameters {
    if (validationFraction <= 0 || validationFraction >= 1) {
      throw new IllegalArgumentException("validationFraction must be in (0, 1)");
    }
  }

  static TrainingParameters defaults() {
    return new TrainingParameters(400, 30, 0.1, 4, 5, 0.8, 0.8, 1.0, 0.2, true, 2, 42);
  }
}
