package io.jornada.lead;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The one path every event takes, from HTTP or the stream: fold into lead state (pipelined, atomic
 * per event), re-evaluate the segments of the leads that changed, then publish the messages
 * journeys wait for. Returns only once all of that is done, so a caller that acknowledges
 * afterwards (HTTP 202, {@code XACK}) never acknowledges a half-processed event.
 */
final class EventIngestor {

  private static final Logger LOG = LoggerFactory.getLogger(EventIngestor.class);

  private final RedisLeadStateStore store;
  private final SegmentRules rules;
  private final RedisSegments segments;
  private final CorrelationProperties correlation;
  private final LeadProperties properties;
  private final ObjectProvider<JourneySignals> signals;
  private final ObjectProvider<LeadEventListener> listeners;
  private final Clock clock;

  EventIngestor(
      RedisLeadStateStore store,
      SegmentRules rules,
      RedisSegments segments,
      CorrelationProperties correlation,
      LeadProperties properties,
      ObjectProvider<JourneySignals> signals,
      ObjectProvider<LeadEventListener> listeners,
      Clock clock) {
    this.store = store;
    this.rules = rules;
    this.segments = segments;
    this.correlation = correlation;
    this.properties = properties;
    this.signals = signals;
    this.listeners = listeners;
    this.clock = clock;
  }

  /** Ingests the events; the outcomes are in the order of the events. */
  List<RecordOutcome> ingest(List<LeadEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<RecordOutcome> outcomes = store.recordAll(events);
    List<JourneyMessage> messages = new ArrayList<>();
    Map<String, LeadEvent> lastRecordedByLead = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      LeadEvent event = events.get(i);
      RecordOutcome outcome = outcomes.get(i);
      if (outcome == RecordOutcome.RECORDED) {
        lastRecordedByLead.put(event.leadId(), event);
      }
      // Duplicates are published again: if the first publication failed, this redelivery is what
      // wakes the journey, and the engine drops the copy by its message id otherwise.
      if (outcome != RecordOutcome.UNKNOWN_LEAD) {
        correlationMessage(event).ifPresent(messages::add);
      }
    }
    // Listeners (scoring re-scores) hear first, so a lead-hot may reach a journey before the
    // engagement that caused it; once per lead and batch, with the lead's last new event.
    lastRecordedByLead.values().forEach(event -> listeners.orderedStream().forEach(listener -> notify(listener, event)));
    messages.addAll(segmentMessages(lastRecordedByLead));
    if (!messages.isEmpty()) {
      signals.orderedStream().forEach(s -> s.publish(messages));
    }
    return outcomes;
  }

  /** Ids only in the log: events carry no personal data, but their properties might. */
  private static void notify(LeadEventListener listener, LeadEvent event) {
    try {
      listener.eventRecorded(event);
    } catch (RuntimeException e) {
      LOG.warn("Listener {} failed on event {}: {}", listener.getClass().getSimpleName(), event.eventId(), e.toString());
    }
  }

  private Optional<JourneyMessage> correlationMessage(LeadEvent event) {
    if (!properties.isRecent(event, clock.instant())) {
      return Optional.empty();
    }
    return correlation
        .messageFor(event.type())
        .map(name -> {
          Map<String, Object> engagement = new HashMap<>();
          engagement.put("eventId", event.eventId());
          engagement.put("type", event.type());
          engagement.put("channel", event.channel());
          return new JourneyMessage(
              name, event.leadId(), event.eventId(), correlation.timeToLive(), Map.of("lastEngagement", engagement));
        });
  }

  /** One evaluation per lead and batch: the lead's state after all its events of the batch. */
  private List<JourneyMessage> segmentMessages(Map<String, LeadEvent> lastRecordedByLead) {
    if (lastRecordedByLead.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> memberships = new LinkedHashMap<>();
    segments.inputsOf(lastRecordedByLead.keySet()).forEach((leadId, input) -> memberships.put(leadId, rules.segmentsOf(input)));
    List<JourneyMessage> messages = new ArrayList<>();
    for (RedisSegments.SegmentChange change : segments.apply(memberships)) {
      String trigger = lastRecordedByLead.get(change.leadId()).eventId();
      String name = change.entered() ? correlation.segmentEntered() : correlation.segmentExited();
      messages.add(
          new JourneyMessage(
              name,
              change.leadId(),
              trigger + ":" + name + ":" + change.segment(),
              correlation.timeToLive(),
              Map.of("segment", change.segment())));
    }
    return messages;
  }
}
