package io.jornada.workers;

import io.jornada.lead.Consent;
import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadStateStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A lead state in a map, for worker tests (the Redis one is tested in the lead package). */
final class InMemoryLeads implements LeadStateStore {

  private final Map<String, LeadProfile> leads = new HashMap<>();

  static LeadProfile ana() {
    return new LeadProfile(
        "lead-1",
        "Ana Souza Lima",
        "ana@example.com",
        "+5511999990000",
        "São Paulo",
        "Acme",
        120,
        "referral",
        "consideration",
        new Consent(true, true, false),
        "whatsapp",
        Map.of("pricing_view", 5),
        Instant.parse("2025-01-01T00:00:00Z"),
        null);
  }

  InMemoryLeads with(LeadProfile lead) {
    upsert(lead);
    return this;
  }

  @Override
  public void upsert(LeadProfile lead) {
    leads.put(lead.leadId(), lead);
  }

  @Override
  public boolean record(LeadEvent event) {
    throw new UnsupportedOperationException("not used by workers");
  }

  @Override
  public Optional<LeadProfile> find(String leadId) {
    return Optional.ofNullable(leads.get(leadId));
  }
}
