package io.jornada.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import io.jornada.scoring.LeadScoring;
import io.jornada.scoring.StoredScore;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Task type {@code score-lead}: scores the lead as it is now in the lead state, so a re-score after
 * an engagement sees that engagement. The score is stored on the lead, and a threshold crossing
 * fires its trigger, as for any re-score.
 */
@Component
public class ScoreLeadWorker {

  private final LeadScoring scoring;

  ScoreLeadWorker(LeadScoring scoring) {
    this.scoring = scoring;
  }

  /** Scores the lead; an unknown lead fails the job without retries (see {@link LeadLookup}). */
  @JobWorker(type = "score-lead")
  public Output scoreLead(@VariablesAsType Input input) {
    if (input.leadId() == null || input.leadId().isBlank()) {
      throw CamundaError.jobError("Variable 'leadId' is missing", null, 0);
    }
    StoredScore score =
        scoring
            .score(input.leadId())
            .orElseThrow(() -> CamundaError.jobError("Lead '" + input.leadId() + "' not found in lead state", null, 0));
    return new Output(score.probability(), score.band(), score.reasonLabels(), score.modelVersion());
  }

  /** Variables the task reads. */
  public record Input(String leadId) {}

  /** Variables the task writes: {@code score} is a calibrated probability, 0..1; band A to D. */
  public record Output(double score, String band, List<String> reasons, String modelVersion) {}
}
