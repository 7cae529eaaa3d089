package io.jornada.lead;

import java.time.Instant;
import java.util.Map;

/**
 * A lead's engagement as stored next to its profile, read at one instant.
 *
 * @param decayed exponentially decayed counters by {@code <halfLife>:type:<eventType>} and {@code
 *     <halfLife>:channel:<channel>}, decayed to the instant of reading
 * @param lastSeen the latest event time per channel
 * @param hours events per {@code <channel>:<weekday 1=Monday..7>:<hour 0..23>} in the configured
 *     time zone, for send-time optimization
 */
public record LeadEngagement(
    Map<String, Double> decayed, Map<String, Instant> lastSeen, Map<String, Long> hours) {

  public LeadEngagement {
    decayed = Map.copyOf(decayed);
    lastSeen = Map.copyOf(lastSeen);
    hours = Map.copyOf(hours);
  }

  /** The decayed count of one event type for one half-life name; zero when never seen. */
  public double decayedType(String halfLife, String eventType) {
    return decayed.getOrDefault(halfLife + ":type:" + eventType, 0.0);
  }

  /** The decayed count of one channel for one half-life name; zero when never seen. */
  public double decayedChannel(String halfLife, String channel) {
    return decayed.getOrDefault(halfLife + ":channel:" + channel, 0.0);
  }
}
