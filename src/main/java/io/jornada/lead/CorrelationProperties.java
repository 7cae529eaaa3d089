package io.jornada.lead;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which lead events journeys hear about, as messages correlated by lead id.
 *
 * @param messages event type → message name; event types not listed wake no journey
 * @param timeToLive how long a published message waits (buffered) for a journey to catch it
 * @param segmentEntered message published when a lead enters a segment
 * @param segmentExited message published when a lead leaves a segment
 * @param outbox the Redis stream the messages wait in until a journey engine accepted them
 */
@ConfigurationProperties("jornada.lead.correlation")
public record CorrelationProperties(
    Map<String, String> messages,
    @DefaultValue("1h") Duration timeToLive,
    @DefaultValue("segment-entered") String segmentEntered,
    @DefaultValue("segment-exited") String segmentExited,
    @DefaultValue Outbox outbox) {

  public CorrelationProperties {
    messages = messages == null ? defaultMessages() : Map.copyOf(messages);
  }

  /**
   * The journey outbox: messages are appended in the same Lua step that records their event (or
   * segment change), and published from there asynchronously, at least once.
   *
   * @param enabled whether this application publishes from the outbox (the appends happen anyway)
   * @param key the outbox stream; published entries are deleted from it, so its length is the lag
   * @param group the consumer group of the publishers
   * @param consumer this application's consumer name in the group; empty means host name and
   *     process id
   * @param batchSize entries read per {@code XREADGROUP}: messages of one lead within a batch are
   *     coalesced
   * @param block how long one read waits for new entries
   * @param minIdle how long an entry stays pending with a publisher before another reclaims it
   *     with {@code XAUTOCLAIM} (a publisher that crashed mid-batch)
   * @param maxInFlight how many leads' publications are in flight at once
   * @param wakeInterval per lead and message name, the shortest time between two publications of
   *     event messages (engagements): the first is published at once, the ones that follow within
   *     the interval wait for its end and become one publication; zero publishes each read's
   *     merged messages at once. Shorter than {@code min-idle}, so waiting entries are never taken
   *     for a dead publisher's
   */
  public record Outbox(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("jornada:journey:outbox") String key,
      @DefaultValue("jornada") String group,
      @DefaultValue("") String consumer,
      @DefaultValue("2000") int batchSize,
      @DefaultValue("1s") Duration block,
      @DefaultValue("30s") Duration minIdle,
      @DefaultValue("64") int maxInFlight,
      @DefaultValue("5s") Duration wakeInterval) {

    public Outbox {
      if (wakeInterval.isNegative() || wakeInterval.compareTo(minIdle) >= 0) {
        throw new IllegalArgumentException("jornada.lead.correlation.outbox.wake-interval must be at least 0 and"
            + " shorter than min-idle (" + minIdle + "), was " + wakeInterval);
      }
    }

    /** The defaults, for code that runs without Spring. */
    public static Outbox defaults() {
      return new Outbox(true, "jornada:journey:outbox", "jornada", "", 2000, Duration.ofSeconds(1),
          Duration.ofSeconds(30), 64, Duration.ofSeconds(5));
    }
  }

  /** The defaults, for code that runs without Spring. */
  public static CorrelationProperties defaults() {
    return new CorrelationProperties(null, Duration.ofHours(1), "segment-entered", "segment-exited", Outbox.defaults());
  }

  /** Every engagement the nurture journey waits for at {@code await-engagement}. */
  private static Map<String, String> defaultMessages() {
    Map<String, String> defaults = new HashMap<>();
    for (String type :
        new String[] {
          "email_open", "email_click", "form_submit", "whatsapp_inbound", "sms_inbound",
          "chat_message", "push_open", "pricing_view", "whatsapp_reply"
        }) {
      defaults.put(type, "lead-engaged");
    }
    return defaults;
  }
}
