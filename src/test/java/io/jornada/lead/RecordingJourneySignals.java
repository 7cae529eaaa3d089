package io.jornada.lead;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link JourneySignals} that remembers what it was told, for tests. */
class RecordingJourneySignals implements JourneySignals {

  final List<String> created = new CopyOnWriteArrayList<>();
  /** Message ids of {@code lead-engaged} messages. */
  final List<String> engaged = new CopyOnWriteArrayList<>();
  final List<JourneyMessage> messages = new CopyOnWriteArrayList<>();

  @Override
  public void leadCreated(LeadProfile lead) {
    created.add(lead.leadId());
  }

  @Override
  public void publish(List<JourneyMessage> published) {
    messages.addAll(published);
    published.stream().filter(m -> m.name().equals("lead-engaged")).forEach(m -> engaged.add(m.messageId()));
  }

  List<JourneyMessage> named(String name) {
    return messages.stream().filter(m -> m.name().equals(name)).toList();
  }

  void clear() {
    created.clear();
    engaged.clear();
    messages.clear();
  }
}
