package io.jornada.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.exception.JobError;
import io.jornada.lead.LeadProperties;
import io.jornada.lead.RedisLeadStateStore;
import io.jornada.support.RedisServer;
import java.net.URI;
import java.time.Clock;
import io.jornada.workers.LoadLeadWorker.ConsentVariable;
import io.jornada.workers.LoadLeadWorker.Input;
import io.jornada.workers.LoadLeadWorker.LeadVariable;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

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

  @Test
  void shouldFailTheJobWithRetriesAndBackoffWhileRedisIsDown() {
    // given: the real store on a Redis that is stopped
    RedisServer server = RedisServer.start();
    try (RedisClient redis = RedisClient.create(URI.create(server.url()))) {
      var store = new RedisLeadStateStore(redis, LeadProperties.defaults(), new ObjectMapper(), Clock.systemUTC());
      var worker = new LoadLeadWorker(store);
      server.stop();

      // when / then: the job's own retries minus one (retries left unset), later, not at once
      assertThatThrownBy(() -> worker.loadLead(new Input("lead-1")))
          .isInstanceOfSatisfying(
              JobError.class,
              error -> {
                assertThat(error.getRetries()).isNull();
                assertThat(error.getRetryBackoff()).isEqualTo(LeadLookup.OUTAGE_BACKOFF);
              });
    }
  }
}
