package io.jornada.scoring;

/**
 * Where score crossings go: the {@code journey} package publishes them as Camunda messages
 * correlated by lead id, so scoring itself knows nothing of Camunda.
 *
 * <p>Called at most once per crossing: the previous score is read and replaced atomically. An
 * exception reaches the caller of the re-score (a job, which is retried, or the event listener,
 * which logs it); the new score is already stored by then, so a retry sees no crossing and a
 * failed publication is lost. Implementations that can fail transiently should retry on their
 * own side.
 */
public interface ScoreTriggers {

  /** The score rose to {@code jornada.scoring.triggers.hot} or above, from below. */
  void leadHot(StoredScore score);

  /** The score fell below {@code jornada.scoring.triggers.cooling}, from at or above. */
  void leadCooling(StoredScore score);
}
