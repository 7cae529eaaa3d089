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
   * KEYS[4] decayed counters, KEYS[5] last-seen per channel, KEYS[6] histogram, KEYS[7] journey
   * outbox; ARGV[1] marker TTL seconds, ARGV[2] type, ARGV[3] occurredAt millis, ARGV[4] '1' when
   * engagement, ARGV[5] timeline length, ARGV[6] eventId (also the message id), ARGV[7] channel (''
   * for none), ARGV[8] properties as JSON, ARGV[9] histogram slot ('weekday:hour'), ARGV[10]
   * message name ('' for no message), ARGV[11] leadId, ARGV[12] message TTL millis, ARGV[13]
   * message variables as JSON, then pairs of half-life name and half-life millis. Returns -1 for an
   * unknown lead, 0 for a duplicate, 1 when recorded.
   *
   * <p>A decayed counter is stored as 'value|millis', the value as of that instant. A late event
   * adds its own decayed contribution without moving the instant back, so order does not matter.
   */
  private static final String RECORD =
      """
      if redis.call('EXISTS', KEYS[1]) == 0 then
        return -1
      end
      if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
        return 0
      end
      local at = tonumber(ARGV[3])
      -- All decayed counters in one HMGET and one HSET: fewer commands per event.
      local fields = {}
      for i = 14, #ARGV, 2 do
        table.insert(fields, ARGV[i] .. ':type:' .. ARGV[2])
        if ARGV[7] ~= '' then
          table.insert(fields, ARGV[i] .. ':channel:' .. ARGV[7])
        end
      end
      local stored = redis.call('HMGET', KEYS[4], unpack(fields))
      local updates = {}
      local per = ARGV[7] ~= '' and 2 or 1
      for f = 1, #fields do
        local halfLife = tonumber(ARGV[14 + 2 * math.floor((f - 1) / per) + 1])
        local value, since = 0, at
        if stored[f] then
          local v, t = string.match(stored[f], '^([^|]+)|(.+)$')
          value, since = tonumber(v), tonumber(t)
        end
        if at >= since then
          value = value * math.pow(2, -(at - since) / halfLife) + 1
          since = at
        else
          value = value + math.pow(2, -(since - at) / halfLife)
        end
        table.insert(updates, fields[f])
        table.insert(updates, string.format('%.10g|%.0f', value, since))
      end
      redis.call('HSET', KEYS[4], unpack(updates))
      redis.call('HINCRBY', KEYS[1], 'count:' .. ARGV[2], 1)
      if ARGV[4] == '1' then
        local last = tonumber(redis.call('HGET', KEYS[1], 'lastEngagedAt') or '0')
        if at > last then
          redis.call('HSET', KEYS[1], 'lastEngagedAt', ARGV[3])
        end
      end
      if ARGV[7] ~= '' then
        local seen = tonumber(redis.call('HGET', KEYS[5], ARGV[7]) or '0')
        if at > seen then
          redis.call('HSET', KEYS[5], ARGV[7], ARGV[3])
        end
        redis.call('HINCRBY', KEYS[6], ARGV[7] .. ':' .. ARGV[9], 1)
      end
      redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*',
        'eventId', ARGV[6], 'type', ARGV[2], 'occurredAt', ARGV[3],
        'channel', ARGV[7], 'properties', ARGV[8])
      if ARGV[10] ~= '' then
        redis.call('XADD', KEYS[7], '*', 'name', ARGV[10], 'key', ARGV[11], 'id', ARGV[6],
          'ttl', ARGV[12], 'variables', ARGV[13], 'merge', '1')
      end
      return 1
      """;

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

  static String decayedKey(String leadId) {
    return "jornada:lead:" + leadId + ":decayed";
  }

  static String lastSeenKey(String leadId) {
    return "jornada:lead:" + leadId + ":seen";
  }

  static String hoursKey(String leadId) {
    return "jornada:lead:" + leadId + ":hours";
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
            decayedKey(leadId),
            lastSeenKey(leadId),
            hoursKey(leadId),
            outbox.key()),
        args);
  }

  /**
   * The lead's engagement as of the store's clock: decayed counters (decay applied on read too),
   * last-seen per channel and the send-time histogram. Empty maps for an unknown lead.
   */
  LeadEngagement engagement(String leadId) {
    Map<String, String> decayed;
    Map<String, String> seen;
    Map<String, String> hours;
    try (AbstractPipeline pipeline = redis.pipelined()) {
      Response<Map<String, String>> d = pipeline.hgetAll(decayedKey(leadId));
      Response<Map<String, String>> s = pipeline.hgetAll(lastSeenKey(leadId));
      Response<Map<String, String>> h = pipeline.hgetAll(hoursKey(leadId));
      pipeline.sync();
      decayed = d.get();
      seen = s.get();
      hours = h.get();
    }
    long now = clock.millis();
    Map<String, Double> counters = new TreeMap<>();
    decayed.forEach((field, stored) -> {
      String halfLifeName = field.substring(0, field.indexOf(':'));
      Duration halfLife = engagement.halfLives().get(halfLifeName);
      if (halfLife == null) {
        return; // a half-life no longer configured
      }
      int bar = stored.indexOf('|');
      double value = Double.parseDouble(stored.substring(0, bar));
      long since = Long.parseLong(stored.substring(bar + 1));
      double elapsed = Math.max(0, now - since);
      counters.put(field, value * Math.pow(2, -elapsed / halfLife.toMillis()));
    });
    Map<String, Instant> lastSeen = new TreeMap<>();
    seen.forEach((channel, millis) -> lastSeen.put(channel, Instant.ofEpochMilli(Long.parseLong(millis))));
    Map<String, Long> histogram = new TreeMap<>();
    hours.forEach((slot, count) -> histogram.put(slot, Long.parseLong(count)));
    return new LeadEngagement(counters, lastSeen, histogram);
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
