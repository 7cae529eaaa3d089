package io.jornada.scoring;

import java.util.Map;

/**
 * Told which leads have a new stored score, so that what reads the score follows it: the lead
 * package's segments read its band.
 */
@FunctionalInterface
public interface ScoresStored {

  /** @param scoreIdByLead leadId → the new score's id, {@code score:<leadId>:<scoredAt>} */
  void stored(Map<String, String> scoreIdByLead);
}
