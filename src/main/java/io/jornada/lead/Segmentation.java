package io.jornada.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Re-evaluates leads' segments with the segment decisions, from their state now (profile and the
 * stored score's band): after each ingested batch, for the leads with new events, and after a
 * re-score, whose band the decisions read. Only leads whose segments change are written (most
 * evaluations change none); the write works out the change from the stored memberships,
 * atomically, so a concurrent change is never undone by half, and appends a {@code
 * segment-entered} / {@code segment-exited} message per change when a journey catches it.
 */
public final class Segmentation {

  private final SegmentRules rules;
  private final RedisSegments segments;
  private final CorrelationProperties correlation;
  private final JourneyPorts journeys;

  Segmentation(
      SegmentRules rules,
      RedisSegments segments,
      CorrelationProperties correlation,
      ObjectProvider<JourneySignals> signals) {
    this.rules = rules;
    this.segments = segments;
    this.correlation = correlation;
    this.journeys = new JourneyPorts(signals);
  }

  /**
   * One evaluation per lead. Unknown leads are skipped.
   *
   * @param causeByLead leadId → the id of what made the evaluation due (an event id, or a
   *     score's), unique per lead; the changes' message ids are made of it
   */
  public void reevaluate(Map<String, String> causeByLead) {
    if (!causeByLead.isEmpty()) {
      reevaluate(segments.currentOf(causeByLead.keySet()), causeByLead);
    }
  }

  /**
   * Like {@link #reevaluate(Map)}, from state already read ({@code currentByLead}: the record
   * script reads it with the lead's events, saving a round trip per batch).
   */
  void reevaluate(Map<String, RedisSegments.Current> currentByLead, Map<String, String> causeByLead) {
    Map<String, List<String>> memberships = new LinkedHashMap<>();
    currentByLead.forEach((leadId, current) -> {
      List<String> wanted = rules.segmentsOf(current.input());
      if (!current.segments().equals(Set.copyOf(wanted))) {
        memberships.put(leadId, wanted);
      }
    });
    if (memberships.isEmpty()) {
      return;
    }
    segments.apply(
        memberships,
        causeByLead,
        journeys.catches(correlation.segmentEntered()) ? correlation.segmentEntered() : null,
        journeys.catches(correlation.segmentExited()) ? correlation.segmentExited() : null,
        correlation.timeToLive());
  }
}
