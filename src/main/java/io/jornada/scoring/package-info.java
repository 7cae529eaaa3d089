/**
 * Predictive lead scoring: one feature pipeline for training and serving ({@link
 * io.jornada.scoring.LeadFeatures}), XGBoost training on historical or synthetic leads, a
 * versioned on-disk model registry, and a thread-safe {@link io.jornada.scoring.LeadScorer} that
 * returns a calibrated probability, a band and SHAP reason codes.
 *
 * <p>{@link io.jornada.scoring.SyntheticPopulation} generates pt-BR leads whose conversions come
 * from a known non-linear ground truth, so that model quality can be measured against the
 * Bayes-optimal ranking; the demo uses it to feed leads through the API.
 */
package io.jornada.scoring;
