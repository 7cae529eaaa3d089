package io.jornada.scoring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ScoreTriggers} that remembers what it was told, for tests (the real one is Camunda's). */
final class RecordingScoreTriggers implements ScoreTriggers {

  final List<StoredScore> hot = new CopyOnWriteArrayList<>();
  final List<StoredScore> cooling = new CopyOnWriteArrayList<>();

  @Override
  public void leadHot(StoredScore score) {
    hot.add(score);
  }

  @Override
  public void leadCooling(StoredScore score) {
    cooling.add(score);
  }
}
