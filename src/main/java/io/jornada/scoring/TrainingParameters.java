package io.jornada.scoring;

/**
 * XGBoost hyper-parameters and the training protocol, with defaults that train the bootstrap
 * model in a few seconds on two cores. Configured under {@code jornada.scoring.training}.
 *
 * @param booster {@code gbtree} (the model) or {@code gblinear} (a logistic regression, the
 *     evaluation baseline)
 * @param maxRounds upper bound on boosting rounds
 * @param earlyStoppingRounds stop when validation AUC has not improved for this many rounds
 * @param eta learning rate
 * @param maxDepth depth of each tree
 * @param minChildWeight minimum hessian in a leaf; guards against fitting a handful of leads
 * @param subsample fraction of rows sampled per tree
 * @param colsampleByTree fraction of features sampled per tree
 * @param lambda L2 regularisation of leaf weights (of coefficients for {@code gblinear})
 * @param validationFraction share of the newest rows held out for early stopping and calibration
 * @param balanceClasses whether to weight positives by negatives/positives ({@code
 *     scale_pos_weight}); calibration on the validation split undoes the resulting shift
 * @param threads native threads; fixed so that results do not depend on the machine
 * @param seed seed of XGBoost's row and column sampling
 */
record TrainingParameters(
    String booster,
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
    if (booster == null) {
      booster = "gbtree"; // metadata of models stored before the booster was configurable
    }
    if (!"gbtree".equals(booster) && !"gblinear".equals(booster)) {
      throw new IllegalArgumentException("booster must be gbtree or gblinear, got " + booster);
    }
    if (validationFraction <= 0 || validationFraction >= 1) {
      throw new IllegalArgumentException("validationFraction must be in (0, 1)");
    }
    if (maxRounds < 1 || earlyStoppingRounds < 1 || threads < 1) {
      throw new IllegalArgumentException("maxRounds, earlyStoppingRounds and threads must be positive");
    }
  }

  static TrainingParameters defaults() {
    return new TrainingParameters("gbtree", 400, 30, 0.1, 4, 5, 0.8, 0.8, 1.0, 0.2, true, 2, 42);
  }

  /** A logistic regression on the same features and split: the baseline the trees must beat. */
  TrainingParameters asLogisticRegression() {
    return new TrainingParameters(
        "gblinear", 1000, 30, 0.5, maxDepth, minChildWeight, subsample, colsampleByTree, 1e-4,
        validationFraction, balanceClasses, threads, seed);
  }

  boolean isLinear() {
    return "gblinear".equals(booster);
  }
}
