package io.jornada.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Messages recorded instead of sent: stream {@code jornada:outbox} and per-channel counters in hash
 * {@code jornada:outbox:count}. The recipient address is not stored; the leadId identifies who.
 */
class Outbox {

  static final String STREAM = "jornada:outbox";
  static final String COUNTS = "jornada:outbox:count";

  /**
   * Message and counter together. KEYS[1] stream, KEYS[2] counters; ARGV[1] maxlen, ARGV[2]
   * channel, then the entry's field/value pairs.
   */
  private static final String APPEND =
      """
      redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 3))
      redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
      return 1
      """;

  private final RedisClient redis;
  private final int maxLength;
  private final Clock clock;

  Outbox(RedisClient redis, int maxLength, Clock clock) {
    this.redis = redis;
    this.maxLength = maxLength;
    this.clock = clock;
  }

  void append(Delivery d) {
    redis.eval(
        APPEND,
        List.of(STREAM, COUNTS),
        List.of(
            Integer.toString(maxLength),
            d.channel(),
            "messageId", d.messageId(),
            "leadId", d.leadId(),
            "channel", d.channel(),
            "template", d.templateId(),
            "subject", d.subject() == null ? "" : d.subject(),
            "body", d.body(),
            "sentAt", clock.instant().toString()));
  }

  /** The most recent messages, newest first. */
  List<OutboxMessage> recent(int limit) {
    List<StreamEntry> entries = redis.xrevrange(STREAM, StreamEntryID.MAXIMUM_ID, StreamEntryID.MINIMUM_ID, limit);
    return entries.stream().map(Outbox::message).toList();
  }

  /** Messages recorded per channel since the outbox began. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    redis.hgetAll(COUNTS).forEach((channel, n) -> counts.put(channel, Long.parseLong(n)));
    return counts;
  }

  private static OutboxMessage message(StreamEntry entry) {
    Map<String, String> f = entry.getFields();
    return new OutboxMessage(
        f.get("messageId"),
        f.get("leadId"),
        f.get("channel"),
        f.get("template"),
        f.get("subject"),
        f.get("body"),
        Instant.parse(f.get("sentAt")));
  }

  /** One recorded message. */
  record OutboxMessage(
      String messageId, String leadId, String channel, String template, String subject, String body, Instant sentAt) {}
}
