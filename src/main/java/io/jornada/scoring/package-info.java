/**
 * Predictive lead scoring: one feature pipeline for training and serving ({@link
 * io.jornada.scoring.LeadFeatures}), XGBoost training on historical (CSV) or synthetic leads with
 * probabilities calibrated on the validation split (isotonic or Platt), a versioned on-disk model
 * registry, and a thread-safe {@link io.jornada.scoring.LeadScorer} that returns a calibrated
 * probability, a band and SHAP reason codes.
 *
 * <p>{@link io.jornada.scoring.LeadScoring} re-scores a lead after its events, on every {@code
 * score-lead} job and on {@code GET /api/leads/{id}/score}. After events, off the ingest path: the
 * {@link io.jornada.scoring.RescoreQueue} (the lead package's {@link
 * io.jornada.lead.LeadEventListener}) makes each ingested lead due {@code
 * jornada.scoring.rescore.delay} later in the sorted set {@code jornada:scoring:due}, so that a
 * burst of events becomes one re-score, and the {@link io.jornada.scoring.Rescorer} re-scores due
 * leads in batches. It stores the score in Redis ({@code
 * jornada:lead:<leadId>:score}) and, in the same Lua step, appends a threshold crossing's message
 * ({@code lead-hot}, {@code lead-cooling}) to the lead package's journey outbox when a deployed
 * journey catches it; the lead package publishes the outbox. Nothing here knows Camunda. A
 * batch re-score computes reasons only for queued leads and crossings (see {@link
 * io.jornada.scoring.LeadScoring#rescoreAll}).
 *
 * <p>{@link io.jornada.scoring.ScoringCommands} holds the offline commands ({@code train}, {@code
 * evaluate} with its Markdown and PNG report, {@code bench scoring}).
 *
 * <p>{@link io.jornada.scoring.SyntheticPopulation} generates pt-BR leads whose conversions come
 * from a known non-linear ground truth, so that model quality can be measured against the
 * Bayes-optimal ranking; the demo uses it to feed leads through the API.
 */
package io.jornada.scoring;
