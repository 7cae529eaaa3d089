package io.jornada.scoring;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The latest score of each lead. Replacing a lead's score is atomic, together with the journey
 * message its threshold crossing gives, if any.
 */
public interface LeadScoreStore {

  /**
   * Stores each score as its lead's latest and, in the same atomic step per lead, compares it with
   * the score it replaces: a crossing of {@code crossings} whose message a journey catches appends
   * that message to the journey outbox, once (concurrent replacements of a lead see each other's
   * score). A lead's first score crosses nothing.
   *
   * <p>An unexplained score ({@link StoredScore#explained()} false) is stored without reasons,
   * unless it crosses into a caught message, whose content needs them: then nothing is stored for
   * that lead, and it is returned, to be replaced again with an explained score.
   *
   * @return the leads whose unexplained score crosses, left as they were
   */
  Set<String> replaceAll(List<StoredScore> scores, Crossings crossings);

  /** The latest score, or empty when the lead was never scored. */
  Optional<StoredScore> find(String leadId);

  /**
   * The thresholds a re-score may cross and the journey message each crossing appends.
   *
   * @param hot a rise from below to this or above is {@code hotMessage}
   * @param cooling a fall from this or above to below is {@code coolingMessage}
   * @param hotMessage message name of a rise; {@code null} when no journey catches it (nothing is
   *     appended)
   * @param coolingMessage message name of a fall; {@code null} when no journey catches it
   * @param timeToLive how long the published message waits for its journey
   */
  record Crossings(double hot, double cooling, String hotMessage, String coolingMessage, Duration timeToLive) {

    /**
     * Whether a new score of {@code probability} could cross into a caught message, whatever the
     * previous score: only then is the message's content worth building.
     */
    boolean mayAppend(double probability) {
      return (hotMessage != null && probability >= hot) || (coolingMessage != null && probability < cooling);
    }
  }
}
