package io.jornada.scoring;

import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadEventListener;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadStateStore;
import io.jornada.lead.SalesQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>Runs whenever the lead's state changes (every new event, as a {@link LeadEventListener}), when
 * a journey's {@code score-lead} job runs and when the score API is read. A crossing compares the
 * new score with the previously stored one; a lead's first score has nothing to cross from.
 */
public class LeadScoring implements LeadEventListener {

  /** A rise to {@code jornada.scoring.triggers.hot} or above, from below. */
  public static final String LEAD_HOT = "lead-hot";

  /** A fall below {@code jornada.scoring.triggers.cooling}, from at or above. */
  public static final String LEAD_COOLING = "lead-cooling";

  private final LeadStateStore leads;
  private final LeadScorer scorer;
  private final LeadScoreStore scores;
  private final SalesQueue salesQueue;
  private final Predicate<String> journeysCatch;
  private final double hot;
  private final double cooling;
  private final Duration messageTimeToLive;
  private final Clock clock;

  /**
   * @param journeysCatch whether a deployed journey catches a message name (see {@link
   *     io.jornada.lead.JourneyPorts#catches}); asked at every re-score
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
      double hot,
      double cooling,
      Duration messageTimeToLive,
      Clock clock) {
    this.leads = leads;
    this.scorer = scorer;
    this.scores = scores;
    this.salesQueue = salesQueue;
    this.journeysCatch = journeysCatch;
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
      return score;
    });
  }

  @Override
  public void eventRecorded(LeadEvent event) {
    score(event.leadId());
  }

  /**
   * The leads of an ingested batch, as {@link #score} does one, with one round trip each to read
   * the leads, replace their scores (and append their crossings), find which are queued for sales
   * and refresh those: per lead, that was three round trips on the ingest thread.
   */
  @Override
  public void eventsRecorded(List<LeadEvent> lastEventPerLead) {
    Map<String, LeadProfile> found = leads.findAll(lastEventPerLead.stream().map(LeadEvent::leadId).toList());
    Instant now = clock.instant();
    List<LeadProfile> profiles = List.copyOf(found.values());
    List<LeadScore> computed = scorer.scoreAll(profiles);
    List<StoredScore> latest = new ArrayList<>(profiles.size());
    for (int i = 0; i < profiles.size(); i++) {
      latest.add(StoredScore.of(profiles.get(i).leadId(), computed.get(i), now));
    }
    scores.replaceAll(latest, crossings());
    // Reasons are formatted for the few leads sales already has, not for every lead of the batch.
    Set<String> queued = salesQueue.queued(found.keySet());
    if (queued.isEmpty()) {
      return;
    }
    List<SalesQueue.HandOff> handOffs = new ArrayList<>(queued.size());
    for (StoredScore score : latest) {
      if (queued.contains(score.leadId())) {
        handOffs.add(new SalesQueue.HandOff(score.leadId(), score.probability(), score.reasonLabels()));
      }
    }
    salesQueue.refreshAll(handOffs);
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
