package io.jornada.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.jornada.scoring.LeadScore;
import io.jornada.scoring.LeadScorer;
import io.jornada.lead.LeadStateStore;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Task type {@code score-lead}: scores the lead as it is now in the lead state, so a re-score after
 * an engagement sees that engagement.
 */
@Component
public class ScoreLeadWorker {

  private final LeadStateStore leads;
  private final LeadScorer scorer;

  ScoreLeadWorker(LeadStateStore leads, LeadScorer scorer) {
    this.leads = leads;
    this.scorer = scorer;
  }

  /** Scores the lead; an unknown lead fails the job without retries (see {@link LeadLookup}). */
  @JobWorker(type = "score-lead")
  public Output scoreLead(@VariablesAsType Input input) {
    LeadScore score = scorer.score(LeadLookup.require(leads, input.leadId()));
    List<String> reasons = score.reasons().stream().map(ScoreLeadWorker::describe).toList();
    return new Output(score.probability(), score.band(), reasons, score.modelVersion());
  }

  /** A reason as marketers and sales read it, for example {@code pricing_view=5 (+0.83)}. */
  static String describe(LeadScore.Reason reason) {
    return reason.feature()
        + "="
        + number(reason.value())
        + String.format(Locale.ROOT, " (%+.2f)", reason.contribution());
  }

  private static String number(double value) {
    // Counts are the usual feature values: show 5, not 5.00.
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Variables the task reads. */
  public record Input(String leadId) {}

  /** Variables the task writes: {@code score} is a calibrated probability, 0..1; band A to D. */
  public record Output(double score, String band, List<String> reasons, String modelVersion) {}
}
