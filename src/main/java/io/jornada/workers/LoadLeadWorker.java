package io.jornada.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.jornada.lead.Consent;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadStateStore;
import org.springframework.stereotype.Component;

/**
 * Task type {@code load-lead}: puts the attributes the decisions and templates need into the
 * journey as the variable {@code lead}. Contact data (email, phone) stays in the lead state; the
 * channel layer looks it up when it sends.
 */
@Component
public class LoadLeadWorker {

  private final LeadStateStore leads;

  LoadLeadWorker(LeadStateStore leads) {
    this.leads = leads;
  }

  /** Loads the lead; an unknown lead fails the job without retries (see {@link LeadLookup}). */
  @JobWorker(type = "load-lead")
  public Output loadLead(@VariablesAsType Input input) {
    return new Output(LeadVariable.of(LeadLookup.require(leads, input.leadId())));
  }

  /** Variables the task reads. */
  public record Input(String leadId) {}

  /** Variables the task writes. */
  public record Output(LeadVariable lead) {}

  /** The journey's view of a lead. */
  public record LeadVariable(
      String name,
      String firstName,
      String source,
      String funnelStage,
      String preferredChannel,
      int companySize,
      ConsentVariable consent) {

    static LeadVariable of(LeadProfile lead) {
      Consent consent = lead.consent() == null ? Consent.none() : lead.consent();
      return new LeadVariable(
          lead.name(),
          firstName(lead.name()),
          lead.source(),
          lead.funnelStage(),
          lead.preferredChannel(),
          lead.companySize(),
          new ConsentVariable(consent.email(), consent.whatsapp(), consent.sms()));
    }

    private static String firstName(String name) {
      if (name == null || name.isBlank()) {
        return null;
      }
      return name.strip().split("\\s+", 2)[0];
    }
  }

  /** Per-channel opt-ins, as the {@code choose-channel} decision reads them. */
  public record ConsentVariable(boolean email, boolean whatsapp, boolean sms) {}
}
