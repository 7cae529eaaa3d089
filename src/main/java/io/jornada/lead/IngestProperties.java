package io.jornada.lead;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event ingestion over HTTP ({@code POST /api/events}) and from a Redis stream.
 *
 * @param eventTypes the accepted event types; anything else is rejected per event
 * @param maxEventBytes an event larger than this (serialized) is rejected
 * @param maxBatchEvents more events than this in one request are rejected
 * @param stream the Redis Streams consumer
 */
@ConfigurationProperties("jornada.lead.ingest")
public record IngestProperties(
    @DefaultValue({
          "page_view", "email_open", "email_click", "form_submit", "whatsapp_inbound",
          "sms_inbound", "chat_message", "push_open", "purchase", "unsubscribe",
          "pricing_view", "whatsapp_reply"
        })
        List<String> eventTypes,
    @DefaultValue("16384") int maxEventBytes,
    @DefaultValue("10000") int maxBatchEvents,
    @DefaultValue Stream stream) {

  public IngestProperties {
    eventTypes = List.copyOf(eventTypes);
  }

  /**
   * The stream consumer group.
   *
   * @param enabled whether this application consumes the stream
   * @param key the stream producers {@code XADD} to, one field {@code event} holding the JSON event
   * @param group the consumer group; created (with the stream) when missing
   * @param consumer this application's consumer name prefix in the group; empty means host name
   *     and process id
   * @param consumers how many consumers (threads) this application runs
   * @param batchSize entries read per {@code XREADGROUP}
   * @param block how long one read waits for new entries
   * @param minIdle how long an entry stays pending with a consumer before another reclaims it
   *     with {@code XAUTOCLAIM} (a consumer that crashed mid-batch)
   * @param deadLetterKey stream where entries that can never be processed go, with the reason
   */
  public record Stream(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("jornada:ingest") String key,
      @DefaultValue("jornada") String group,
      @DefaultValue("") String consumer,
      @DefaultValue("2") int consumers,
      @DefaultValue("1000") int batchSize,
      @DefaultValue("1s") Duration block,
      @DefaultValue("30s") Duration minIdle,
      @DefaultValue("jornada:ingest:rejected") String deadLetterKey) {}

  /** The defaults, for code that runs without Spring. */
  public static IngestProperties defaults() {
    return new IngestProperties(
        List.of(
            "page_view", "email_open", "email_click", "form_submit", "whatsapp_inbound",
            "sms_inbound", "chat_message", "push_open", "purchase", "unsubscribe",
            "pricing_view", "whatsapp_reply"),
        16384,
        10000,
        new Stream(true, "jornada:ingest", "jornada", "", 2, 1000, Duration.ofSeconds(1),
            Duration.ofSeconds(30), "jornada:ingest:rejected"));
  }
}
