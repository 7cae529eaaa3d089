package io.jornada.workers;

import io.camunda.client.exception.CamundaError;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadStateStore;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Finds the lead a job is about, or fails the job for an operator to look at. */
final class LeadLookup {

  /**
   * Wait between retries while the lead state is unreachable: with the usual 3 retries a Redis
   * restart of up to about 30 s costs no incident.
   */
  static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(10);

  private LeadLookup() {}

  /**
   * The lead, or a job error with no retries left: retrying cannot make an unknown lead appear, and
   * the engines Jornada targets have no boundary event here to catch a BPMN error, so an incident
   * naming the lead id is the clearest outcome. Once the lead is restored, the operator raises the
   * retries and the journey goes on.
   */
  static LeadProfile require(LeadStateStore leads, String leadId) {
    if (leadId == null || leadId.isBlank()) {
      throw CamundaError.jobError("Variable 'leadId' is missing", null, 0);
    }
    return find(leads, leadId)
        .orElseThrow(() -> CamundaError.jobError("Lead '" + leadId + "' not found in lead state", null, 0));
  }

  /**
   * An unreachable Redis fails the job with one retry less (the job's own count) and {@link
   * #OUTAGE_BACKOFF}, so the engine retries later instead of at once, and an incident appears only
   * when the retries run out.
   */
  private static Optional<LeadProfile> find(LeadStateStore leads, String leadId) {
    try {
      return leads.find(leadId);
    } catch (JedisConnectionException e) {
      throw CamundaError.jobError("Lead state (Redis) unreachable; retrying", null, null, OUTAGE_BACKOFF, e);
    }
  }
}
