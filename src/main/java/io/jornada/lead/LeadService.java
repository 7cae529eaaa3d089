package io.jornada.lead;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** Stores leads and their events, then tells journeys what is new. */
class LeadService {

  private final RedisLeadStateStore store;
  private final SalesQueue salesQueue;
  private final LeadProperties properties;
  private final ObjectProvider<JourneySignals> signals;
  private final Clock clock;

  LeadService(
      RedisLeadStateStore store,
      SalesQueue salesQueue,
      LeadProperties properties,
      ObjectProvider<JourneySignals> signals,
      Clock clock) {
    this.store = store;
    this.salesQueue = salesQueue;
    this.properties = properties;
    this.signals = signals;
    this.clock = clock;
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
   * Records the event; returns {@code false} for a duplicate. A new, recent engagement event is
   * signalled.
   *
   * @throws UnknownLeadException when the lead does not exist
   */
  boolean record(LeadEvent event) {
    boolean recorded = store.record(event);
    if (recorded && properties.isSignal(event, clock.instant())) {
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
