package io.jornada.lead;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** Stores leads and their events, then tells journeys what is new. */
class LeadService {

  private final RedisLeadStateStore store;
  private final EventIngestor ingestor;
  private final SalesQueue salesQueue;
  private final ObjectProvider<JourneySignals> signals;

  LeadService(
      RedisLeadStateStore store,
      EventIngestor ingestor,
      SalesQueue salesQueue,
      ObjectProvider<JourneySignals> signals) {
    this.store = store;
    this.ingestor = ingestor;
    this.salesQueue = salesQueue;
    this.signals = signals;
  }

  /** Creates or updates the lead; returns whether it is new. A new lead is signalled. */
  boolean save(LeadProfile lead) {
    boolean created = store.save(lead);
    if (created) {
      LeadProfile stored = store.find(lead.leadId()).orElseThrow();
      signals.orderedStream().forEach(s -> s.leadCreated(stored));
    }
    return created;
  }

  /**
   * Ingests one event like a batch of one; returns {@code false} for a duplicate.
   *
   * @throws UnknownLeadException when the lead does not exist
   */
  boolean record(LeadEvent event) {
    RecordOutcome outcome = ingestor.ingest(List.of(event)).get(0);
    if (outcome == RecordOutcome.UNKNOWN_LEAD) {
      throw new UnknownLeadException(event.leadId());
    }
    return outcome == RecordOutcome.RECORDED;
  }

  Optional<LeadProfile> find(String leadId) {
    return store.find(leadId);
  }

  LeadEngagement engagement(String leadId) {
    return store.engagement(leadId);
  }

  List<SalesQueue.HandOff> salesQueue(int limit) {
    return salesQueue.top(limit);
  }
}
