package io.jornada.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One consumer of the ingest stream's consumer group, at least once: an entry is acknowledged
 * ({@code XACK}) only after {@link EventIngestor} processed it, so a crash leaves it pending, and
 * entries pending longer than {@code min-idle} (with this or a dead consumer) are reclaimed with
 * {@code XAUTOCLAIM} and processed again. Processing is idempotent by eventId, so nothing is
 * counted twice. Entries that can never be processed (invalid, unknown lead) go to the dead-letter
 * stream with the reason, and are acknowledged.
 */
final class StreamIngestConsumer implements PollingRunner.Poller {

  private static final Logger LOG = LoggerFactory.getLogger(StreamIngestConsumer.class);

  private final RedisClient redis;
  private final EventIngestor ingestor;
  private final EventValidator validator;
  private final ObjectMapper json;
  private final IngestProperties.Stream stream;
  private final String name;
  private final Clock clock;
  private final StreamGroup group;

  StreamIngestConsumer(
      RedisClient redis,
      EventIngestor ingestor,
      EventValidator validator,
      ObjectMapper json,
      IngestProperties.Stream stream,
      String name,
      Clock clock) {
    this.redis = redis;
    this.ingestor = ingestor;
    this.validator = validator;
    this.json = json;
    this.stream = stream;
    this.name = name;
    this.clock = clock;
    this.group = new StreamGroup(redis, stream.key(), stream.group(), name, stream.minIdle(), stream.batchSize(), clock);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Reclaims stale pending entries, or else reads new ones (waiting up to {@code block}), and
   * processes them. Returns how many entries were acknowledged.
   *
   * @throws JedisConnectionException while Redis is unreachable; the entries stay pending
   */
  @Override
  public int pollOnce() {
    group.ensure();
    List<StreamEntry> entries;
    try {
      entries = group.reclaim();
      if (entries.isEmpty()) {
        entries = group.read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, (int) stream.block().toMillis());
      }
    } catch (JedisDataException e) {
      if (group.lost(e)) {
        return 0;
      }
      throw e;
    }
    if (entries.isEmpty()) {
      return 0;
    }
    process(entries);
    return entries.size();
  }

  private void process(List<StreamEntry> entries) {
    Instant now = clock.instant();
    List<LeadEvent> events = new ArrayList<>();
    List<StreamEntry> eventEntries = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      StreamEntry entry = entries.get(i);
      String raw = entry.getFields().get("event");
      EventValidator.Result result = validate(raw, i, now);
      if (result.event() != null) {
        events.add(result.event());
        eventEntries.add(entry);
      } else {
        dead.add(new DeadLetter(entry.getID(), result.rejection().eventId(), result.rejection().reason()));
      }
    }
    List<RecordOutcome> outcomes = ingestor.ingest(events);
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) == RecordOutcome.UNKNOWN_LEAD) {
        dead.add(new DeadLetter(eventEntries.get(i).getID(), events.get(i).eventId(), "unknown lead"));
      }
    }
    acknowledge(entries, dead);
  }

  private EventValidator.Result validate(String raw, int index, Instant now) {
    if (raw == null) {
      return new EventValidator.Result(null, new EventValidator.Rejection(index, null, "entry has no 'event' field"));
    }
    JsonNode node;
    try {
      node = json.readTree(raw);
    } catch (Exception e) {
      return new EventValidator.Result(null, new EventValidator.Rejection(index, null, "'event' is not valid JSON"));
    }
    return validator.validate(node, raw.getBytes(StandardCharsets.UTF_8).length, index, now);
  }

  /** Dead letters first, then one XACK: an entry is never acknowledged before its dead letter exists. */
  private void acknowledge(List<StreamEntry> entries, List<DeadLetter> dead) {
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (DeadLetter letter : dead) {
        pipeline.xadd(
            stream.deadLetterKey(),
            XAddParams.xAddParams().maxLen(100_000).approximateTrimming(),
            Map.of(
                "entryId", letter.entryId().toString(),
                "eventId", letter.eventId() == null ? "" : letter.eventId(),
                "reason", letter.reason()));
      }
      pipeline.xack(stream.key(), stream.group(), entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
      pipeline.sync();
    }
    if (!dead.isEmpty()) {
      LOG.warn("{} stream entries could not be processed; see {}", dead.size(), stream.deadLetterKey());
    }
  }

  private record DeadLetter(StreamEntryID entryId, String eventId, String reason) {}
}
