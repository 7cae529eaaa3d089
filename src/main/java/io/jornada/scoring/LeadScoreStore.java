package io.jornada.scoring;

import java.util.List;
import java.util.Optional;

/** The latest score of each lead. Writes for one lead are atomic. */
public interface LeadScoreStore {

  /** Stores the score as the lead's latest and returns the one it replaces, atomically. */
  Optional<StoredScore> replace(StoredScore score);

  /** {@link #replace} for each score; the previous ones in the same order. */
  default List<Optional<StoredScore>> replaceAll(List<StoredScore> scores) {
    return scores.stream().map(this::replace).toList();
  }

  /** The latest score, or empty when the lead was never scored. */
  Optional<StoredScore> find(String leadId);
}
