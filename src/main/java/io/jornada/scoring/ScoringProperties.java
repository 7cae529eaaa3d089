package io.jornada.scoring;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scoring configuration, under {@code jornada.scoring}.
 *
 * @param modelDir the model registry folder
 * @param bands probability thresholds of bands A, B and C
 * @param bootstrap training of a first model on synthetic leads when the registry is empty
 * @param training hyper-parameters and protocol of every training run (bootstrap, train command)
 * @param triggers score thresholds whose crossing becomes a journey message
 * @param rescore when and how leads are re-scored after their events
 */
@ConfigurationProperties("jornada.scoring")
record ScoringProperties(
    @DefaultValue(".jornada/models") Path modelDir,
    @DefaultValue Bands bands,
    @DefaultValue Bootstrap bootstrap,
    @DefaultValue Training training,
    @DefaultValue Triggers triggers,
    @DefaultValue Rescore rescore) {

  /** Band thresholds; marketers tune them, so they are configuration rather than code. */
  record Bands(
      @DefaultValue("0.6") double a,
      @DefaultValue("0.35") double b,
      @DefaultValue("0.15") double c) {

    ScoreBands toScoreBands() {
      return new ScoreBands(a, b, c);
    }
  }

  /**
   * @param enabled when false, an empty registry stops the application instead
   * @param populationSize synthetic leads to train on
   * @param seed seed of the synthetic population
   */
  record Bootstrap(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("20000") int populationSize,
      @DefaultValue("42") long seed) {}

  /** See {@link TrainingParameters} for each setting. */
  record Training(
      @DefaultValue("gbtree") String booster,
      @DefaultValue("400") int maxRounds,
      @DefaultValue("30") int earlyStoppingRounds,
      @DefaultValue("0.1") double eta,
      @DefaultValue("4") int maxDepth,
      @DefaultValue("5") double minChildWeight,
      @DefaultValue("0.8") double subsample,
      @DefaultValue("0.8") double colsampleByTree,
      @DefaultValue("1.0") double lambda,
      @DefaultValue("0.2") double validationFraction,
      @DefaultValue("true") boolean balanceClasses,
      @DefaultValue("2") int threads,
      @DefaultValue("42") long seed) {

    TrainingParameters toParameters() {
      return new TrainingParameters(
          booster, maxRounds, earlyStoppingRounds, eta, maxDepth, minChildWeight, subsample,
          colsampleByTree, lambda, validationFraction, balanceClasses, threads, seed);
    }
  }

  /**
   * A crossing's message goes to the journey outbox with its score, only when a deployed journey
   * catches it (see {@link LeadScoring}).
   *
   * @param hot a lead whose score rises to this or above, from below, gets {@code lead-hot}
   * @param cooling a lead whose score falls below this, from at or above, gets {@code lead-cooling}
   */
  record Triggers(@DefaultValue("0.6") double hot, @DefaultValue("0.2") double cooling) {

    Triggers {
      if (!(0 < cooling && cooling < hot && hot <= 1)) {
        throw new IllegalArgumentException(
            "jornada.scoring.triggers need 0 < cooling < hot <= 1, got cooling=" + cooling + " hot=" + hot);
      }
    }
  }

  /**
   * Re-scoring after events, off the ingest path (see {@link RescoreQueue}).
   *
   * @param delay how long after a lead's event its re-score is due; the lead's further events
   *     until then join the same re-score, so a burst of clicks is scored once. {@code 0s}
   *     re-scores on the re-scorer's next poll
   * @param batchSize leads re-scored per batch
   * @param lease how long a batch is a re-scorer's before another may claim it (after a crash);
   *     longer than {@code delay}
   */
  record Rescore(
      @DefaultValue("1s") Duration delay,
      @DefaultValue("500") int batchSize,
      @DefaultValue("30s") Duration lease) {

    Rescore {
      if (delay.isNegative() || lease.compareTo(delay) <= 0 || batchSize < 1) {
        throw new IllegalArgumentException("jornada.scoring.rescore needs delay >= 0, lease > delay and batch-size >= 1,"
            + " got delay=" + delay + " lease=" + lease + " batch-size=" + batchSize);
      }
    }
  }
}
