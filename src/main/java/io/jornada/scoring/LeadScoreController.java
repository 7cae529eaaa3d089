package io.jornada.scoring;

import io.jornada.lead.UnknownLeadException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/leads/{leadId}/score}: scores the lead as it is now, stores the score on the lead
 * (which may fire a trigger, exactly as a new event would) and returns it.
 *
 * <p>{@code reasons[].contribution} is the feature's SHAP contribution to the model's raw margin
 * (log-odds before calibration), not to the probability: contributions plus the model's bias add
 * up to the margin, and the probability is the calibrated margin.
 */
@RestController
class LeadScoreController {

  static final URI UNKNOWN_LEAD = URI.create("urn:jornada:problem:unknown-lead");

  private final LeadScoring scoring;

  LeadScoreController(LeadScoring scoring) {
    this.scoring = scoring;
  }

  @GetMapping("/api/leads/{leadId}/score")
  Response score(@PathVariable String leadId) {
    StoredScore score = scoring.score(leadId).orElseThrow(() -> new UnknownLeadException(leadId));
    return new Response(
        leadId, score.probability(), score.band(), score.reasons(), score.modelVersion(), score.scoredAt().toString());
  }

  /** Here rather than in an advice: the lead package's advice answers only for its controllers. */
  @ExceptionHandler(UnknownLeadException.class)
  ProblemDetail unknown(UnknownLeadException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No lead with id " + e.leadId());
    problem.setType(UNKNOWN_LEAD);
    problem.setTitle("Unknown lead");
    return problem;
  }

  /** The body: the probability is calibrated; reasons explain the raw margin, strongest first. */
  record Response(
      String leadId, double probability, String band, List<LeadScore.Reason> reasons, String modelVersion, String scoredAt) {}
}
