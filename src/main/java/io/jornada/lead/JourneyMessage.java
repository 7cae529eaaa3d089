package io.jornada.lead;

import java.time.Duration;
import java.util.Map;

/**
 * A message for journeys, correlated by lead id.
 *
 * @param name the message name journeys catch (for example {@code lead-engaged})
 * @param leadId the correlation key
 * @param messageId de-duplicates publications of the same message (the eventId for events)
 * @param timeToLive how long the message waits for a journey to catch it
 * @param variables what the journey receives; never personal data
 */
public record JourneyMessage(
    String name, String leadId, String messageId, Duration timeToLive, Map<String, Object> variables) {

  public JourneyMessage {
    variables = Map.copyOf(variables);
  }
}
