package io.jornada.scoring;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scoring configuration, under {@code jornada.scoring}.
 *
 * @param modelDir the model registry folder
 * @param bands probability thresholds of bands A, B and C
 * @param bootstrap training of a first model on synthetic leads when the registry is empty
 */
@ConfigurationProperties("jornada.scoring")
record ScoringProperties(
    @DefaultValue(".jornada/models") Path modelDir,
    @DefaultValue Bands bands,
    @DefaultValue Bootstrap bootstrap) {

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
}
