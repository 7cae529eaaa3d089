package io.jornada.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * Lead state in Redis; see {@code package-info.java} for the keys. Every write is one Lua script,
 * so concurrent writers for the same lead never lose an update.
 */
public class RedisLeadStateStore implements LeadStateStore {

  static final String COUNT_PREFIX = "count:";

  /** ARGV[10..13] of the record script for an event that carries no journey message. */
  private static final List<String> NO_MESSAGE = List.of("", "", "", "");

  /**
   * Replaces the attributes, keeps counters and lastEngagedAt, sets createdAt only once. KEYS[1]
   * lead hash; ARGV[1] createdAt millis, ARGV[2] number of field/value pairs to set, then the
   * pairs, then the fields to delete. Returns 1 when the lead is new.
   */
  private static final String UPSERT =
      """
      local created = redis.call('HSETNX', KEYS[1], 'createdAt', ARGV[1])
      local pairs = tonumber(ARGV[2])
      for i = 3, 2 + 2 * pairs, 2 do
        redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
      end
      for i = 3 + 2 * pairs, #ARGV do
        redis.call('HDEL', KEYS[1], ARGV[i])
      end
      return created
      """;

  /**
   * De-duplicates, counts, decays, moves lastEngagedAt and last-seen forward, fills the send-time
   * histogram, appends to the timeline and the event's journey message (if any) to the journey
   * outbox, all or nothing. KEYS[1] lead hash, KEYS[2] eventId marker, KEYS[3] timeline stream,
   * KEYS[4] engagement hash, KEYS[5] journey outbox; ARGV[1] marker TTL seconds, ARGV[2] type,
   * ARGV[3] occurredAt millis, ARGV[4] '1' when engagement, ARGV[5] timeline length, ARGV[6]
   * eventId (also the message id), ARGV[7] channel ('' for none), ARGV[8] properties as JSON,
   * ARGV[9] histogram slot ('weekday:hour'), ARGV[10] message name ('' for no message), ARGV[11]
   * leadId, ARGV[12] message TTL millis, ARGV[13] message variables as JSON, then pairs of
   * half-life name and half-life millis. Returns -1 for an unknown lead, 0 for a duplicate, 1 when
   * recorded.
   *
   * <p>Each hash is read once ({@code HMGET}) and written once ({@code HSET}): the cost of a
   * script is mostly its calls into Redis, so the lead's engagement (decayed counters, last-seen,
   * histogram) lives in one hash and the lead hash's counter and lastEngagedAt are read with its
   * existence check. A decayed counter is stored as 'value|millis', the value as of that instant.
   * A late event adds its own decayed contribution without moving the instant back, so order does
   * not matter.
   */
  private static final String RECORD =
      """
      local typ, channel, at = ARGV[2], ARGV[7], tonumber(ARGV[3])
      local lead = redis.call('HMGET', KEYS[1], 'createdAt', 'lastEngagedAt', 'count:' .. typ)
      if not lead[1] then
        return -1
      end
      if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
        return 0
      end
      local fields, halfLives, n = {}, {}, 0
      for i = 14, #ARGV, 2 do
        local halfLife = tonumber(ARGV[i + 1])
        n = n + 1
        fields[n], halfLives[n] = ARGV[i] .. ':type:' .. typ, halfLife
        if channel ~= '' then
          n = n + 1
          fields[n], halfLives[n] = ARGV[i] .. ':channel:' .. channel, halfLife
        end
      end
      local decayed = n
      if channel ~= '' then
        fields[n + 1], fields[n + 2] = 'seen:' .. channel, 'hour:' .. channel .. ':' .. ARGV[9]
      end
      local stored = redis.call('HMGET', KEYS[4], unpack(fields))
      local updates = {}
      for f = 1, decayed do
        local value, since = 0, at
        local previous = stored[f]
        if previous then
          local bar = string.find(previous, '|', 1, true)
          value, since = tonumber(string.sub(previous, 1, bar - 1)), tonumber(string.sub(previous, bar + 1))
        end
        if at >= since then
          value = value * 2 ^ (-(at - since) / halfLives[f]) + 1
          since = at
        else
          value = value + 2 ^ (-(since - at) / halfLives[f])
        end
        updates[2 * f - 1], updates[2 * f] = fields[f], string.format('%.10g|%.0f', value, since)
      end
      if channel ~= '' then
        local u = 2 * decayed
        if at > tonumber(stored[decayed + 1] or '0') then
          updates[u + 1], updates[u + 2] = fields[decayed + 1], ARGV[3]
          u = u + 2
        end
        updates[u + 1], updates[u + 2] = fields[decayed + 2], tonumber(stored[decayed + 2] or '0') + 1
      end
      redis.call('HSET', KEYS[4], unpack(updates))
      local count = tonumber(lead[3] or '0') + 1
      if ARGV[4] == '1' and at > tonumber(lead[2] or '0') then
        redis.call('HSET', KEYS[1], 'count:' .. typ, count, 'lastEngagedAt', ARGV[3])
      else
        redis.call('HSET', KEYS[1], 'count:' .. typ, count)
      end
      redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*',
        'eventId', ARGV[6], 'type', typ, 'occurredAt', ARGV[3],
        'channel', channel, 'properties', ARGV[8])
      if ARGV[10] ~= '' then
        redis.call('XADD', KEYS[5], '*', 'name', ARGV[10], 'key', ARGV[11], 'id', ARGV[6],
          'ttl', ARGV[12], 'variables', ARGV[13], 'merge', '1')
      end
      return 1
      """;

  /** Field prefixes of the engagement hash besides the decayed counters ({@code <halfLife>:…}). */
  private static final String SEEN = "seen:";
  private static final String HOUR = "hour:";

  private final RedisClient redis;
  private final JourneyOutbox outbox;
  private final LeadProperties properties;
  private final EngagementProperties engagement;
  private final ObjectMapper json;
  private final Clock clock;
  private final LuaScript recordScript;
  private final List<String> halfLifeArgs;

  public RedisLeadStateStore(
      RedisClient redis, LeadProperties properties, ObjectMapper json, Clock clock) {
    this(redis, properties, EngagementProperties.defaults(), json, clock);
  }

  public RedisLeadStateStore(
      RedisClient redis,
      LeadProperties properties,
      EngagementProperties engagement,
      ObjectMapper json,
      Clock clock) {
    this(redis, properties, engagement, new JourneyOutbox(CorrelationProperties.Outbox.defaults().key()), json, clock);
  }

  RedisLeadStateStore(
      RedisClient redis,
      LeadProperties properties,
      EngagementProperties engagement,
      JourneyOutbox outbox,
      ObjectMapper json,
      Clock clock) {
    this.redis = redis;
    this.outbox = outbox;
    this.properties = properties;
    this.engagement = engagement;
    this.json = json;
    this.clock = clock;
    this.recordScript = new LuaScript(redis, RECORD);
    List<String> args = new ArrayList<>();
    engagement.halfLives().forEach((name, halfLife) -> {
      args.add(name);
      args.add(Long.toString(halfLife.toMillis()));
    });
    this.halfLifeArgs = List.copyOf(args);
  }

  static String leadKey(String leadId) {
    return "jornada:lead:" + leadId;
  }

  static String timelineKey(String leadId) {
    return "jornada:lead:" + leadId + ":events";
  }

  static String eventKey(String eventId) {
    return "jornada:event:" + eventId;
  }

  static String engagementKey(String leadId) {
    return "jornada:lead:" + leadId + ":engagement";
  }

  @Override
  public void upsert(LeadProfile lead) {
    save(lead);
  }

  /** Like {@link #upsert}, and tells whether the lead is new, decided atomically in Redis. */
  boolean save(LeadProfile lead) {
    Map<String, String> attributes = attributes(lead);
    List<String> args = new ArrayList<>();
    Instant createdAt = lead.createdAt() != null ? lead.createdAt() : clock.instant();
    args.add(Long.toString(createdAt.toEpochMilli()));
    List<String> toSet = new ArrayList<>();
    List<String> toDelete = new ArrayList<>();
    attributes.forEach(
        (field, value) -> {
          if (value == null) {
            toDelete.add(field);
          } else {
            toSet.add(field);
            toSet.add(value);
          }
        });
    args.add(Integer.toString(toSet.size() / 2));
    args.addAll(toSet);
    args.addAll(toDelete);
    Object created = redis.eval(UPSERT, List.of(leadKey(lead.leadId())), args);
    return Long.valueOf(1).equals(created);
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnknownLeadException when the lead was never upserted; nothing is recorded then
   */
  @Override
  public boolean record(LeadEvent event) {
    RecordOutcome outcome = recordAll(List.of(event), e -> null).get(0);
    if (outcome == RecordOutcome.UNKNOWN_LEAD) {
      throw new UnknownLeadException(event.leadId());
    }
    return outcome == RecordOutcome.RECORDED;
  }

  /**
   * Records the events in one pipeline (one round trip), each atomically on its own together with
   * the journey message {@code messageOf} gives for it ({@code null} for none), which goes to the
   * journey outbox only when the event is recorded (not for a duplicate or an unknown lead). The
   * outcomes are in the order of the events.
   */
  List<RecordOutcome> recordAll(List<LeadEvent> events, Function<LeadEvent, JourneyMessage> messageOf) {
    List<LuaScript.Call> calls = new ArrayList<>(events.size());
    for (LeadEvent event : events) {
      calls.add(recordCall(event, messageOf.apply(event)));
    }
    List<Object> results = recordScript.evalAll(calls);
    List<RecordOutcome> outcomes = new ArrayList<>(results.size());
    for (Object result : results) {
      long code = (Long) result;
      outcomes.add(code < 0 ? RecordOutcome.UNKNOWN_LEAD : code == 0 ? RecordOutcome.DUPLICATE : RecordOutcome.RECORDED);
    }
    return outcomes;
  }

  private LuaScript.Call recordCall(LeadEvent event, JourneyMessage message) {
    Instant occurredAt = event.occurredAt() != null ? event.occurredAt() : clock.instant();
    ZonedDateTime local = occurredAt.atZone(engagement.timeZone());
    String leadId = event.leadId();
    List<String> args = new ArrayList<>(13 + halfLifeArgs.size());
    args.add(Long.toString(properties.eventDedupeWindow().toSeconds()));
    args.add(event.type());
    args.add(Long.toString(occurredAt.toEpochMilli()));
    args.add(properties.isEngagement(event.type()) ? "1" : "0");
    args.add(Integer.toString(properties.timelineLength()));
    args.add(event.eventId());
    args.add(event.channel() == null ? "" : event.channel());
    args.add(toJson(event.properties()));
    args.add(local.getDayOfWeek().getValue() + ":" + local.getHour());
    if (message == null) {
      args.addAll(NO_MESSAGE);
    } else {
      args.add(message.name());
      args.add(message.leadId());
      args.add(Long.toString(message.timeToLive().toMillis()));
      args.add(outbox.variablesJson(message.variables()));
    }
    args.addAll(halfLifeArgs);
    return new LuaScript.Call(
        List.of(
            leadKey(leadId),
            eventKey(event.eventId()),
            timelineKey(leadId),
            engagementKey(leadId),
            outbox.key()),
        args);
  }

  /**
   * The lead's engagement as of the store's clock: decayed counters (decay applied on read too),
   * last-seen per channel and the send-time histogram. Empty maps for an unknown lead.
   */
  LeadEngagement engagement(String leadId) {
    long now = clock.millis();
    Map<String, Double> counters = new TreeMap<>();
    Map<String, Instant> lastSeen = new TreeMap<>();
    Map<String, Long> histogram = new TreeMap<>();
    redis.hgetAll(engagementKey(leadId)).forEach((field, stored) -> {
      if (field.startsWith(SEEN)) {
        lastSeen.put(field.substring(SEEN.length()), Instant.ofEpochMilli(Long.parseLong(stored)));
      } else if (field.startsWith(HOUR)) {
        histogram.put(field.substring(HOUR.length()), Long.parseLong(stored));
      } else {
        decayedNow(field, stored, now).ifPresent(value -> counters.put(field, value));
      }
    });
    return new LeadEngagement(counters, lastSeen, histogram);
  }

  /** A decayed counter's value at {@code now}; empty for a half-life no longer configured. */
  private Optional<Double> decayedNow(String field, String stored, long now) {
    Duration halfLife = engagement.halfLives().get(field.substring(0, field.indexOf(':')));
    if (halfLife == null) {
      return Optional.empty();
    }
    int bar = stored.indexOf('|');
    double value = Double.parseDouble(stored.substring(0, bar));
    long since = Long.parseLong(stored.substring(bar + 1));
    double elapsed = Math.max(0, now - since);
    return Optional.of(value * Math.pow(2, -elapsed / halfLife.toMillis()));
  }

  @Override
  public Optional<LeadProfile> find(String leadId) {
    return profile(leadId, redis.hgetAll(leadKey(leadId)));
  }

  /** One pipeline, one round trip, for all the leads. */
  @Override
  public Map<String, LeadProfile> findAll(Collection<String> leadIds) {
    Map<String, Response<Map<String, String>>> hashes = new LinkedHashMap<>();
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (String leadId : leadIds) {
        hashes.put(leadId, pipeline.hgetAll(leadKey(leadId)));
      }
      pipeline.sync();
    }
    Map<String, LeadProfile> found = new LinkedHashMap<>();
    hashes.forEach((leadId, hash) -> profile(leadId, hash.get()).ifPresent(lead -> found.put(leadId, lead)));
    return found;
  }

  private static Optional<LeadProfile> profile(String leadId, Map<String, String> hash) {
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> counts = new HashMap<>();
    hash.forEach(
        (field, value) -> {
          if (field.startsWith(COUNT_PREFIX)) {
            counts.put(field.substring(COUNT_PREFIX.length()), Integer.parseInt(value));
          }
        });
    return Optional.of(
        new LeadProfile(
            leadId,
            hash.get("name"),
            hash.get("email"),
            hash.get("phone"),
            hash.get("city"),
            hash.get("company"),
            Integer.parseInt(hash.getOrDefault("companySize", "0")),
            hash.get("source"),
            hash.get("funnelStage"),
            new Consent(
                "1".equals(hash.get("consent:email")),
                "1".equals(hash.get("consent:whatsapp")),
                "1".equals(hash.get("consent:sms"))),
            hash.get("preferredChannel"),
            counts,
            instant(hash.get("createdAt")),
            instant(hash.get("lastEngagedAt"))));
  }

  /** The replaceable attributes; a null value removes the field. */
  private static Map<String, String> attributes(LeadProfile lead) {
    Consent consent = lead.consent() != null ? lead.consent() : Consent.none();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", lead.name());
    fields.put("email", lead.email());
    fields.put("phone", lead.phone());
    fields.put("city", lead.city());
    fields.put("company", lead.company());
    fields.put("companySize", Integer.toString(lead.companySize()));
    fields.put("source", lead.source());
    fields.put("funnelStage", lead.funnelStage());
    fields.put("preferredChannel", lead.preferredChannel());
    fields.put("consent:email", consent.email() ? "1" : "0");
    fields.put("consent:whatsapp", consent.whatsapp() ? "1" : "0");
    fields.put("consent:sms", consent.sms() ? "1" : "0");
    return fields;
  }

  private static Instant instant(String epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
  }

  private String toJson(Map<String, Object> value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event properties are not serializable as JSON", e);
    }
  }
}
