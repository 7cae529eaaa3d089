package io.jornada.workers;

import io.camunda.client.exception.CamundaError;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadStateStore;

/** Finds the lead a job is about, or fails the job for an operator to look at. */
final class LeadLookup {

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
    return leads
        .find(leadId)
        .orElseThrow(() -> CamundaError.jobError("Lead '" + leadId + "' not found in lead state", null, 0));
  }
}
