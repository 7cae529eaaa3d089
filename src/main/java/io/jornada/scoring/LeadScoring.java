package io.jornada.scoring;

import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadStateStore;
import io.jornada.lead.SalesQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores a lead as it is now in the lead state, stores the score on the lead and keeps the sales
 * queue's ranking current. A threshold crossing becomes a journey message ({@value #LEAD_HOT},
 * {@value #LEAD_COOLING}, correlated by lead id) in the journey outbox, appended atomically with
 * the score that crossed, when a deployed journey catches it; the lead package's outbox publisher
 * publishes it, at least once, so a crossing is not lost while the journey engine is down and the
 * re-score never waits for the engine.
 *
 * <p>Runs when the lead's state changed (its new events make it due in the {@link RescoreQueue},
 * and the {@link Rescorer} re-scores due leads in batches), when a journey's {@code score-lead}
 * job runs and when the score API is read. A crossing compares the new score with the previously
 * stored one; a lead's first score has nothing to cross from. After each score, {@code stored}
 * hears of it (the lead's segments, which read the band, are re-evaluated).
 */
public class LeadScoring {

  /** A rise to {@code jornada.scoring.triggers.hot} or above, from below. */
  public static final String LEAD_HOT = "lead-hot";

  /** A fall below {@code jornada.scoring.triggers.cooling}, from at or above. */
  public static final String LEAD_COOLING = "lead-cooling";

  private final LeadStateStore leads;
  private final LeadScorer scorer;
  private final LeadScoreStore scores;
  private final SalesQueue salesQueue;
  private final Predicate<String> journeysCatch;
  private final ScoresStored stored;
  private final double hot;
  private final double cooling;
  private final Duration messageTimeToLive;
  private final Clock clock;

  /**
   * @param journeysCatch whether a deployed journey catches a message name (see {@link
   *     io.jornada.lead.JourneyPorts#catches}); asked at every re-score
   * @param stored told after every re-score which leads have a new score (segments follow the band)
   * @param hot threshold of {@link #LEAD_HOT}
   * @param cooling threshold of {@link #LEAD_COOLING}
   * @param messageTimeToLive how long a crossing's message waits for its journey ({@code
   *     jornada.lead.correlation.time-to-live})
   */
  public LeadScoring(
      LeadStateStore leads,
      LeadScorer scorer,
      LeadScoreStore scores,
      SalesQueue salesQueue,
      Predicate<String> journeysCatch,
      ScoresStored stored,
      double hot,
      double cooling,
      Duration messageTimeToLive,
      Clock clock) {
    this.leads = leads;
    this.scorer = scorer;
    this.scores = scores;
    this.salesQueue = salesQueue;
    this.journeysCatch = journeysCatch;
    this.stored = stored;
    this.hot = hot;
    this.cooling = cooling;
    this.messageTimeToLive = messageTimeToLive;
    this.clock = clock;
  }

  /** Scores and stores the lead; empty when the lead is unknown. */
  public Optional<StoredScore> score(String leadId) {
    return leads.find(leadId).map(lead -> {
      StoredScore score = StoredScore.of(leadId, scorer.score(lead), clock.instant());
      scores.replaceAll(List.of(score), crossings());
      salesQueue.refresh(leadId, score.probability(), score.reasonLabels());
      stored.stored(Map.of(leadId, scoreId(leadId, score.scoredAt())));
      return score;
    });
  }

  /**
   * Re-scores leads whose state changed (the {@link Rescorer}'s batches), as {@link #score} does
   * one, with one round trip each to read the leads, find which are queued for sales, replace their
   * scores (and append their crossings) and refresh the queued ones. Unknown leads are skipped.
   *
   * <p>Reasons (TreeSHAP, some thirty times the cost of the probability) are computed only where
   * they are read: for the leads sales has, whose queue entries show them, and for the few whose
   * new score crosses into a journey message, which carries them (the store refuses those without
   * reasons, and they are explained and replaced again). Every other lead's stored score loses its
   * reasons, so they never describe an older score; {@link #score} and the API explain afresh.
   */
  public void rescoreAll(Collection<String> leadIds) {
    Map<String, LeadProfile> found = leads.findAll(leadIds);
    if (found.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Set<String> queued = salesQueue.queued(found.keySet());
    List<LeadProfile> forSales = new ArrayList<>(queued.size());
    List<LeadProfile> others = new ArrayList<>(found.size());
    found.values().forEach(lead -> (queued.contains(lead.leadId()) ? forSales : others).add(lead));
    List<StoredScore> explained = explained(forSales, now);
    List<StoredScore> latest = new ArrayList<>(explained);
    List<LeadScore> ranked = scorer.rankAll(others);
    for (int i = 0; i < others.size(); i++) {
      latest.add(StoredScore.unexplained(others.get(i).leadId(), ranked.get(i), now));
    }
    Set<String> crossing = scores.replaceAll(latest, crossings());
    if (!crossing.isEmpty()) {
      List<LeadProfile> toExplain = others.stream().filter(lead -> crossing.contains(lead.leadId())).toList();
      scores.replaceAll(explained(toExplain, now), crossings());
    }
    if (!explained.isEmpty()) {
      salesQueue.refreshAll(explained.stream()
          .map(score -> new SalesQueue.HandOff(score.leadId(), score.probability(), score.reasonLabels()))
          .toList());
    }
    Map<String, String> ids = new LinkedHashMap<>();
    found.keySet().forEach(leadId -> ids.put(leadId, scoreId(leadId, now)));
    stored.stored(ids);
  }

  private static String scoreId(String leadId, Instant scoredAt) {
    return "score:" + leadId + ":" + scoredAt;
  }

  private List<StoredScore> explained(List<LeadProfile> profiles, Instant now) {
    List<LeadScore> computed = scorer.scoreAll(profiles);
    List<StoredScore> explained = new ArrayList<>(profiles.size());
    for (int i = 0; i < profiles.size(); i++) {
      explained.add(StoredScore.of(profiles.get(i).leadId(), computed.get(i), now));
    }
    return explained;
  }

  /** The crossings of a re-score now: a message is named only while a journey catches it. */
  private LeadScoreStore.Crossings crossings() {
    return new LeadScoreStore.Crossings(
        hot,
        cooling,
        journeysCatch.test(LEAD_HOT) ? LEAD_HOT : null,
        journeysCatch.test(LEAD_COOLING) ? LEAD_COOLING : null,
        messageTimeToLive);
  }
}
