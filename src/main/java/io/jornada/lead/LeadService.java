package io.jornada.lead;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** Stores leads and their events, then tells journeys what is new. */
class LeadService {

  private final RedisLeadStateStore store;
  private final SalesQueue salesQueue;
  private final LeadProperties properties;
  private final ObjectProvider<JourneySignals> signals;

  LeadService(
      RedisLeadStateStore store,
      SalesQueue salesQueue,
      LeadProperties properties,
      ObjectProvider<JourneySignals> signals) {
    this.store = store;
    this.salesQueue = salesQueue;
    this.properties = properties;
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
   * Records the event; returns {@code false} for a duplicate. A new engagement event is signalled.
   *
   * @throws UnknownLeadException when the lead does not exist
   */
  boolean record(LeadEvent event) {
    boolean recorded = store.record(event);
    if (recorded && properties.isEngagement(event.type())) {
      signals.orderedStream().forEach(s -> s.leadEngaged(event));
    }
    return recorded;
  }

  Optional<LeadProfile> find(String leadId) {
    return store.find(leadId);
  }

  List<SalesQueue.HandOff> salesQueue(int limit) {
    return salesQueue.top(limit);
  }
}
