package io.jornada.scoring;

import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadEventListener;
import io.jornada.lead.LeadStateStore;
import io.jornada.lead.SalesQueue;
import io.jornada.lead.LeadProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Scores a lead as it is now in the lead state, stores the score on the lead, keeps the sales
 * queue's ranking current, and reports threshold crossings to {@link ScoreTriggers}.
 *
 * <p>Runs whenever the lead's state changes (every new event, as a {@link LeadEventListener}), when
 * a journey's {@code score-lead} job runs and when the score API is read. A crossing compares the
 * new score with the previously stored one; a lead's first score has nothing to cross from.
 */
public class LeadScoring implements LeadEventListener {

  private final LeadStateStore leads;
  private final LeadScorer scorer;
  private final LeadScoreStore scores;
  private final SalesQueue salesQueue;
  private final ScoreTriggers triggers;
  private final double hot;
  private final double cooling;
  private final Clock clock;

  /**
   * @param hot threshold of {@link ScoreTriggers#leadHot}
   * @param cooling threshold of {@link ScoreTriggers#leadCooling}
   */
  public LeadScoring(
      LeadStateStore leads,
      LeadScorer scorer,
      LeadScoreStore scores,
      SalesQueue salesQueue,
      ScoreTriggers triggers,
      double hot,
      double cooling,
      Clock clock) {
    this.leads = leads;
    this.scorer = scorer;
    this.scores = scores;
    this.salesQueue = salesQueue;
    this.triggers = triggers;
    this.hot = hot;
    this.cooling = cooling;
    this.clock = clock;
  }

  /** Scores and stores the lead; empty when the lead is unknown. */
  public Optional<StoredScore> score(String leadId) {
    return leads.find(leadId).map(lead -> {
      StoredScore score = StoredScore.of(leadId, scorer.score(lead), clock.instant());
      Optional<StoredScore> previous = scores.replace(score);
      salesQueue.refresh(leadId, score.probability(), score.reasonLabels());
      previous.ifPresent(before -> fireCrossings(before.probability(), score));
      return score;
    });
  }

  @Override
  public void eventRecorded(LeadEvent event) {
    score(event.leadId());
  }

  /**
   * The leads of an ingested batch, as {@link #score} does one, with one round trip each to read
   * the leads, replace their scores and refresh the sales queue: per lead, that was three round
   * trips on the ingest thread.
   */
  @Override
  public void eventsRecorded(List<LeadEvent> lastEventPerLead) {
    Map<String, LeadProfile> found = leads.findAll(lastEventPerLead.stream().map(LeadEvent::leadId).toList());
    Instant now = clock.instant();
    List<StoredScore> latest = new ArrayList<>(found.size());
    List<LeadProfile> profiles = List.copyOf(found.values());
    List<LeadScore> computed = scorer.scoreAll(profiles);
    for (int i = 0; i < profiles.size(); i++) {
      latest.add(StoredScore.of(profiles.get(i).leadId(), computed.get(i), now));
    }
    List<OptionalDouble> previous = scores.replaceAll(latest);
    // Reasons are formatted for the few leads sales already has, not for every lead of the batch.
    Set<String> queued = salesQueue.queued(found.keySet());
    salesQueue.refreshAll(latest.stream()
        .filter(score -> queued.contains(score.leadId()))
        .map(score -> new SalesQueue.HandOff(score.leadId(), score.probability(), score.reasonLabels()))
        .toList());
    for (int i = 0; i < latest.size(); i++) {
      StoredScore score = latest.get(i);
      previous.get(i).ifPresent(before -> fireCrossings(before, score));
    }
  }

  private void fireCrossings(double before, StoredScore score) {
    if (before < hot && score.probability() >= hot) {
      triggers.leadHot(score);
    } else if (before >= cooling && score.probability() < cooling) {
      triggers.leadCooling(score);
    }
  }
}
