package io.jornada.scoring;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The latest score of each lead. Writes for one lead are atomic. */
public interface LeadScoreStore {

  /** Stores the score as the lead's latest and returns the one it replaces, atomically. */
  Optional<StoredScore> replace(StoredScore score);

  /**
   * {@link #replace} for each score; the previous probabilities (empty for a first score) in the
   * same order, which is all a threshold crossing needs.
   */
  default List<OptionalDouble> replaceAll(List<StoredScore> scores) {
    return scores.stream()
        .map(score -> replace(score).map(previous -> OptionalDouble.of(previous.probability())).orElse(OptionalDouble.empty()))
        .toList();
  }

  /** The latest score, or empty when the lead was never scored. */
  Optional<StoredScore> find(String leadId);
}
