package io.jornada.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The one path every event takes, from HTTP or the stream: fold into lead state (pipelined, atomic
 * per event, the event's journey message appended to the journey outbox in the same step), then
 * re-evaluate the segments of the leads that changed, once per lead and batch, with the lead's
 * state after all its events of the batch (see {@link Segmentation}). Returns only once all of
 * that is stored, so a caller that acknowledges afterwards (HTTP 202, {@code XACK}) never
 * acknowledges a half-processed event; {@link
 * OutboxPublisher} publishes the messages to the journeys asynchronously, at least once.
 */
final class EventIngestor {

  private static final Logger LOG = LoggerFactory.getLogger(EventIngestor.class);

  private final RedisLeadStateStore store;
  private final Segmentation segmentation;
  private final CorrelationProperties correlation;
  private final LeadProperties properties;
  private final JourneyPorts journeys;
  private final ObjectProvider<LeadEventListener> listeners;
  private final Clock clock;

  EventIngestor(
      RedisLeadStateStore store,
      Segmentation segmentation,
      CorrelationProperties correlation,
      LeadProperties properties,
      ObjectProvider<JourneySignals> signals,
      ObjectProvider<LeadEventListener> listeners,
      Clock clock) {
    this.store = store;
    this.segmentation = segmentation;
    this.correlation = correlation;
    this.properties = properties;
    this.journeys = new JourneyPorts(signals);
    this.listeners = listeners;
    this.clock = clock;
  }

  /** Ingests the events; the outcomes are in the order of the events. */
  List<RecordOutcome> ingest(List<LeadEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    Predicate<String> caught = journeys::catches;
    Instant now = clock.instant();
    RedisLeadStateStore.Recorded recorded = store.recordAndRead(events, event -> correlationMessage(event, caught, now));
    List<RecordOutcome> outcomes = recorded.outcomes();
    Map<String, LeadEvent> lastRecordedByLead = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      if (outcomes.get(i) == RecordOutcome.RECORDED) {
        lastRecordedByLead.put(events.get(i).leadId(), events.get(i));
      }
    }
    // Listeners (scoring's re-score queue) hear once per lead and batch, with the lead's last new event.
    List<LeadEvent> lastEvents = List.copyOf(lastRecordedByLead.values());
    if (!lastEvents.isEmpty()) {
      listeners.orderedStream().forEach(listener -> notify(listener, lastEvents));
    }
    Map<String, String> causes = new LinkedHashMap<>();
    lastRecordedByLead.forEach((leadId, event) -> causes.put(leadId, event.eventId()));
    segmentation.reevaluate(recorded.segmentState(), causes);
    return outcomes;
  }

  /** Ids only in the log: events carry no personal data, but their properties might. */
  private static void notify(LeadEventListener listener, List<LeadEvent> events) {
    try {
      listener.eventsRecorded(events);
    } catch (RuntimeException e) {
      LOG.warn("Listener {} failed on {} events from {}: {}", listener.getClass().getSimpleName(), events.size(),
          events.get(0).eventId(), e.toString());
    }
  }

  /** The message a recent event of a correlated type becomes, if a journey catches it; else null. */
  private JourneyMessage correlationMessage(LeadEvent event, Predicate<String> caught, Instant now) {
    String name = correlation.messages().get(event.type());
    if (name == null || !caught.test(name) || !properties.isRecent(event, now)) {
      return null;
    }
    Map<String, Object> engagement = new HashMap<>();
    engagement.put("eventId", event.eventId());
    engagement.put("type", event.type());
    engagement.put("channel", event.channel());
    return new JourneyMessage(
        name, event.leadId(), event.eventId(), correlation.timeToLive(), Map.of("lastEngagement", engagement));
  }
}
