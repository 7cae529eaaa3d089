package io.jornada.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.JobError;
import io.jornada.scoring.LeadScore;
import io.jornada.scoring.LeadScore.Reason;
import io.jornada.workers.ScoreLeadWorker.Input;
import io.jornada.workers.ScoreLeadWorker.Output;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreLeadWorkerTest {

  @Test
  void shouldReturnScoreBandReasonsAndModelVersion() {
    // given a scorer that reads the lead's pricing views
    var worker =
        new ScoreLeadWorker(
            new InMemoryLeads().with(InMemoryLeads.ana()),
            lead ->
                new LeadScore(
                    0.72,
                    "B",
                    List.of(
                        new Reason("pricing_view", lead.count("pricing_view"), 0.83),
                        new Reason("days_since_created", 12.5, -0.2)),
                    "xgb-7"));

    // when
    Output output = worker.scoreLead(new Input("lead-1"));

    // then
    assertThat(output)
        .isEqualTo(
            new Output(
                0.72, "B", List.of("pricing_view=5 (+0.83)", "days_since_created=12.50 (-0.20)"), "xgb-7"));
  }

  @Test
  void shouldFailTheJobWithoutRetriesWhenTheLeadIsUnknown() {
    // given
    var worker =
        new ScoreLeadWorker(
            new InMemoryLeads(), lead -> new LeadScore(0.1, "D", List.of(), "xgb-7"));

    // when / then
    assertThatThrownBy(() -> worker.scoreLead(new Input("lead-404")))
        .isInstanceOfSatisfying(JobError.class, error -> assertThat(error.getRetries()).isZero());
  }
}
