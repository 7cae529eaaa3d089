package io.jornada.lead;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/** Stores leads and their events, then tells journeys what is new. */
class LeadService {

  private static final Logger log = LoggerFactory.getLogger(LeadService.class);

  private final RedisLeadStateStore store;
  private final SalesQueue salesQueue;
  private final LeadProperties properties;
  private final ObjectProvider<JourneySignals> signals;
  private final ObjectProvider<LeadEventListener> listeners;
  private final Clock clock;

  LeadService(
      RedisLeadStateStore store,
      SalesQueue salesQueue,
      LeadProperties properties,
      ObjectProvider<JourneySignals> signals,
      ObjectProvider<LeadEventListener> listeners,
      Clock clock) {
    this.store = store;
    this.salesQueue = salesQueue;
    this.properties = properties;
    this.signals = signals;
    this.listeners = listeners;
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
   * Records the event; returns {@code false} for a duplicate. Listeners hear about every new event
   * first (a re-score may publish {@code lead-hot} before {@code lead-engaged}); then a new, recent
   * engagement event is signalled.
   *
   * @throws UnknownLeadException when the lead does not exist
   */
  boolean record(LeadEvent event) {
    boolean recorded = store.record(event);
    if (recorded) {
      listeners.orderedStream().forEach(listener -> notify(listener, event));
    }
    if (recorded && properties.isSignal(event, clock.instant())) {
      signals.orderedStream().forEach(s -> s.leadEngaged(event));
    }
    return recorded;
  }

  /** Ids only in the log: events carry no personal data, but their properties might. */
  private static void notify(LeadEventListener listener, LeadEvent event) {
    try {
      listener.eventRecorded(event);
    } catch (RuntimeException e) {
      log.warn("Listener {} failed on event {}: {}", listener.getClass().getSimpleName(), event.eventId(), e.toString());
    }
  }

  Optional<LeadProfile> find(String leadId) {
    return store.find(leadId);
  }

  List<SalesQueue.HandOff> salesQueue(int limit) {
    return salesQueue.top(limit);
  }
}
