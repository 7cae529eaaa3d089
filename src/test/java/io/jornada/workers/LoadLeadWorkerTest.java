package io.jornada.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.exception.JobError;
import io.jornada.workers.LoadLeadWorker.ConsentVariable;
import io.jornada.workers.LoadLeadWorker.Input;
import io.jornada.workers.LoadLeadWorker.LeadVariable;
import org.junit.jupiter.api.Test;

class LoadLeadWorkerTest {

  @Test
  void shouldPutTheLeadAttributesTheJourneyNeeds() {
    // given
    var worker = new LoadLeadWorker(new InMemoryLeads().with(InMemoryLeads.ana()));

    // when
    LeadVariable lead = worker.loadLead(new Input("lead-1")).lead();

    // then
    assertThat(lead)
        .isEqualTo(
            new LeadVariable(
                "Ana Souza Lima",
                "Ana",
                "referral",
                "consideration",
                "whatsapp",
                120,
                new ConsentVariable(true, true, false)));
  }

  @Test
  void shouldFailTheJobWithoutRetriesWhenTheLeadIsUnknown() {
    // given
    var worker = new LoadLeadWorker(new InMemoryLeads());

    // when / then
    assertThatThrownBy(() -> worker.loadLead(new Input("lead-404")))
        .isInstanceOfSatisfying(
            JobError.class,
            error -> {
              assertThat(error.getRetries()).isZero();
              assertThat(error.getErrorMessage()).contains("lead-404").contains("not found");
            });
  }
}
