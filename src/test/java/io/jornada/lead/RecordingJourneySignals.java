package io.jornada.lead;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link JourneySignals} that remembers what it was told, for tests. */
class RecordingJourneySignals implements JourneySignals {

  final List<String> created = new CopyOnWriteArrayList<>();
  final List<String> engaged = new CopyOnWriteArrayList<>();

  @Override
  public void leadCreated(LeadProfile lead) {
    created.add(lead.leadId());
  }

  @Override
  public void leadEngaged(LeadEvent event) {
    engaged.add(event.eventId());
  }

  void clear() {
    created.clear();
    engaged.clear();
  }
}
