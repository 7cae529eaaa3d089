package io.jornada.lead;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One consumer's hold on a Redis stream's consumer group: creates the group (and the stream) when
 * missing, and reclaims entries other consumers left pending for longer than {@code minIdle}
 * ({@code XAUTOCLAIM}, walking the pending list with a cursor), and reads its entries. Shared by the event stream
 * consumer and the journey outbox publisher.
 *
 * <p>It looks for entries to reclaim at most every quarter of {@code minIdle}: {@code XAUTOCLAIM}
 * scans up to ten times its count of pending entries, and a busy group always has a long pending
 * list (the batches being processed, the outbox's paced messages). Asking on every read cost
 * more Redis time than the events themselves, for entries that wait {@code minIdle} anyway.
 */
final class StreamGroup {

  private final RedisClient redis;
  private final String key;
  private final String group;
  private final String consumer;
  private final Duration minIdle;
  private final int batchSize;
  private final Clock clock;
  private StreamEntryID claimCursor = new StreamEntryID(0, 0);
  /** When {@link #reclaim} may look again (clock millis). */
  private long nextReclaim;
  private boolean ready;

  StreamGroup(
      RedisClient redis, String key, String group, String consumer, Duration minIdle, int batchSize, Clock clock) {
    this.clock = clock;
    this.redis = redis;
    this.key = key;
    this.group = group;
    this.consumer = consumer;
    this.minIdle = minIdle;
    this.batchSize = batchSize;
  }

  /** Creates the group from the stream's start unless it exists (once, until {@link #lost}). */
  void ensure() {
    if (ready) {
      return;
    }
    try {
      redis.xgroupCreate(key, group, new StreamEntryID(0, 0), true);
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        throw e;
      }
    }
    ready = true;
  }

  /**
   * Whether a failure says the group is gone (the stream was deleted, or Redis restarted without
   * persistence); then it is created again on the next {@link #ensure}.
   */
  boolean lost(JedisDataException e) {
    if (e.getMessage() != null && (e.getMessage().startsWith("NOGROUP") || e.getMessage().startsWith("UNBLOCKED"))) {
      ready = false;
      return true;
    }
    return false;
  }

  /**
   * Up to {@code batchSize} entries for this consumer: from {@code 0-0} its own pending ones, from
   * {@link StreamEntryID#XREADGROUP_UNDELIVERED_ENTRY} new ones, waiting up to {@code blockMillis}
   * for them (0: not at all).
   */
  List<StreamEntry> read(StreamEntryID from, int blockMillis) {
    XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(batchSize);
    if (blockMillis > 0) {
      params.block(blockMillis);
    }
    List<Map.Entry<String, List<StreamEntry>>> read = redis.xreadGroup(group, consumer, params, Map.of(key, from));
    return read == null || read.isEmpty() ? List.of() : read.get(0).getValue();
  }

  /**
   * Up to {@code batchSize} entries pending longer than {@code minIdle}, now this consumer's; none
   * when the last look was less than a quarter of {@code minIdle} ago.
   */
  List<StreamEntry> reclaim() {
    long now = clock.millis();
    if (now < nextReclaim) {
      return List.of();
    }
    nextReclaim = now + Math.max(1, minIdle.toMillis() / 4);
    Map.Entry<StreamEntryID, List<StreamEntry>> claimed =
        redis.xautoclaim(key, group, consumer, minIdle.toMillis(), claimCursor, new XAutoClaimParams().count(batchSize));
    claimCursor = claimed.getKey();
    // Entries deleted from the stream while pending come back as null: there is nothing to handle.
    return claimed.getValue().stream().filter(e -> e != null && e.getFields() != null).toList();
  }
}
