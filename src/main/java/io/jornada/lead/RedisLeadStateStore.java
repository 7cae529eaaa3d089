package io.jornada.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** The segment rules' inputs in the lead hash, as the items of a Lua list of strings. */
  private static final String SEGMENT_INPUTS_LUA =
      String.join(", ", RedisSegments.INPUT_FIELDS.stream().map(field -> "'" + field + "'").toList());

  /**
   * Records the events of one lead, in order, all or nothing: de-duplicates each, counts, decays,
   * moves lastEngagedAt and last-seen forward, fills the send-time histogram, appends each to the
   * timeline and its journey message (if any) to the journey outbox. KEYS[1] lead hash, KEYS[2]
   * timeline stream, KEYS[3] engagement hash, KEYS[4] journey outbox, KEYS[5] the lead's score
   * hash, KEYS[6] the lead's segment set, KEYS[6 + e] the eventId marker of event e; ARGV[1]
   * leadId (the messages' correlation key), then per event ten arguments: type, occurredAt
   * millis, '1' when engagement, eventId (also the message id), channel ('' for none), properties
   * as JSON, histogram slot ('weekday:hour'), message name ('' for no message), message TTL
   * millis, message variables as JSON. Returns per event -1 (unknown lead), 0 (duplicate) or 1 (recorded); then, when an event
   * was recorded, what the segment rules read (the lead's {@link RedisSegments#INPUT_FIELDS}
   * values and its score's band, false for none) and the lead's segments, so that ingest's
   * segment evaluation needs no read of its own. The settings (marker TTL, timeline length,
   * half-lives) are constants in the script's text ({@code $CONFIG}, see {@link #recordScript}),
   * not arguments of every call.
   *
   * <p>The cost of a script is mostly its calls into Redis, so each hash is read once ({@code
   * HMGET}) and written once ({@code HSET}) per lead and batch, however many of the lead's events
   * the batch holds: the lead's engagement (decayed counters, last-seen, histogram) is one hash,
   * and the lead hash's counters and lastEngagedAt are read with its existence check. The decayed
   * counters, six or more per event, are one field of that hash ({@code decayed}, a MessagePack
   * map of counter name to sum, see {@link PackedCounters}): one field to read and write however
   * many counters the lead has, and no number formatted as text (a sixth of the script's time when
   * each counter was a field of its own, {@code ./jornada bench record}).
   *
   * <p>Decayed counters use forward decay: the hash's {@code landmark} (millis, set by the lead's
   * first event) is a fixed reference instant, and an event at {@code t} adds {@code 2^((t -
   * landmark) / halfLife)} to each of its counters, so that the value at {@code now} is the stored
   * sum times {@code 2^(-(now - landmark) / halfLife)}. Recording is an addition (no instant per
   * counter to parse, compare and move; a late event is no special case, order does not matter).
   * Once events are more than 256 shortest half-lives past the landmark, the script moves the
   * landmark to the latest event and rescales every decayed counter of the lead, so the sums
   * never overflow.
   */
  private static final String RECORD =
      JourneyOutbox.LUA_APPEND
          + """
      $CONFIG
      local halfLives = #halfLifeName
      local first = 2
      local events = (#ARGV - first + 1) / 10
      local results = {}
      local segmentInputs = {$SEGMENT_INPUTS}
      local leadFields, countOf = {'createdAt', 'lastEngagedAt', unpack(segmentInputs)}, {}
      for e = 0, events - 1 do
        local typ = ARGV[first + 10 * e]
        if not countOf[typ] then
          leadFields[#leadFields + 1] = 'count:' .. typ
          countOf[typ] = #leadFields
        end
      end
      local lead = redis.call('HMGET', KEYS[1], unpack(leadFields))
      if not lead[1] then
        for e = 1, events do results[e] = -1 end
        return results
      end
      for typ, i in pairs(countOf) do countOf[typ] = tonumber(lead[i] or '0') end
      local lastEngaged = tonumber(lead[2] or '0')
      local engagedBefore = lastEngaged
      local fields, index = {'landmark', 'decayed'}, {landmark = 1, decayed = 2}
      local function field(name)
        local i = index[name]
        if not i then
          i = #fields + 1
          fields[i], index[name] = name, i
        end
        return i
      end
      local recorded, latest = {}, nil
      for e = 0, events - 1 do
        local a = first + 10 * e
        if redis.call('SET', KEYS[7 + e], '1', 'NX', 'EX', markerTtl) then
          results[e + 1] = 1
          recorded[#recorded + 1] = a
          local at, channel = tonumber(ARGV[a + 1]), ARGV[a + 4]
          if not latest or at > latest then latest = at end
          if channel ~= '' then
            field('seen:' .. channel)
            field('hour:' .. channel .. ':' .. ARGV[a + 6])
          end
        else
          results[e + 1] = 0
        end
      end
      if #recorded == 0 then
        return results
      end
      local stored = redis.call('HMGET', KEYS[3], unpack(fields))
      local landmark = tonumber(stored[1])
      local decayed = stored[2] and cmsgpack.unpack(stored[2]) or {}
      local value = {}
      if not landmark then
        landmark = latest
      elseif halfLives > 0 and (latest - landmark) / shortest > 256 then
        -- Move the landmark to the latest event: every decayed counter of the lead is rescaled.
        local halfLifeOf = {}
        for h = 1, halfLives do halfLifeOf[halfLifeName[h]] = halfLife[h] end
        for name, sum in pairs(decayed) do
          local halfLife = halfLifeOf[string.match(name, '^([^:]+):')]
          if halfLife then decayed[name] = sum * 2 ^ (-(latest - landmark) / halfLife) end
        end
        landmark = latest
      end
      value[1] = landmark
      for _, a in ipairs(recorded) do
        local typ, at, channel = ARGV[a], tonumber(ARGV[a + 1]), ARGV[a + 4]
        for h = 1, halfLives do
          local increment = 2 ^ ((at - landmark) / halfLife[h])
          local t = halfLifeName[h] .. ':type:' .. typ
          decayed[t] = (decayed[t] or 0) + increment
          if channel ~= '' then
            local c = halfLifeName[h] .. ':channel:' .. channel
            decayed[c] = (decayed[c] or 0) + increment
          end
        end
        if channel ~= '' then
          local seen = index['seen:' .. channel]
          local previous = value[seen] or tonumber(stored[seen] or '0')
          value[seen] = at > previous and at or previous
          local hour = index['hour:' .. channel .. ':' .. ARGV[a + 6]]
          value[hour] = (value[hour] or tonumber(stored[hour] or '0')) + 1
        end
        countOf[typ] = countOf[typ] + 1
        if ARGV[a + 2] == '1' and at > lastEngaged then
          lastEngaged = at
        end
      end
      value[2] = cmsgpack.pack(decayed)
      local updates = {}
      for i, name in ipairs(fields) do
        updates[2 * i - 1], updates[2 * i] = name, value[i] -- Redis writes numbers in full precision
      end
      redis.call('HSET', KEYS[3], unpack(updates))
      updates = {}
      for typ, count in pairs(countOf) do
        updates[#updates + 1] = 'count:' .. typ
        updates[#updates + 1] = count
      end
      if lastEngaged > engagedBefore then
        updates[#updates + 1] = 'lastEngagedAt'
        updates[#updates + 1] = string.format('%.0f', lastEngaged)
      end
      redis.call('HSET', KEYS[1], unpack(updates))
      for _, a in ipairs(recorded) do
        redis.call('XADD', KEYS[2], 'MAXLEN', '~', timelineLength, '*',
          'eventId', ARGV[a + 3], 'type', ARGV[a], 'occurredAt', ARGV[a + 1],
          'channel', ARGV[a + 4], 'properties', ARGV[a + 5])
        if ARGV[a + 7] ~= '' then
          append_journey_message(KEYS[4], ARGV[a + 7], ARGV[1], ARGV[a + 3], ARGV[a + 8], ARGV[a + 9], '1')
        end
      end
      for i = 3, 2 + #segmentInputs do results[#results + 1] = lead[i] or false end
      results[#results + 1] = redis.call('HGET', KEYS[5], 'band')
      for _, segment in ipairs(redis.call('SMEMBERS', KEYS[6])) do results[#results + 1] = segment end
      return results
      """.replace("$SEGMENT_INPUTS", SEGMENT_INPUTS_LUA);

  /** The engagement hash's fields: the landmark, the packed decayed counters, and per-channel prefixes. */
  private static final String LANDMARK = "landmark";
  private static final String DECAYED = "decayed";
  private static final String SEEN = "seen:";
  private static final String HOUR = "hour:";

  private final RedisClient redis;
  private final JourneyOutbox outbox;
  private final LeadProperties properties;
  private final EngagementProperties engagement;
  private final ObjectMapper json;
  private final Clock clock;
  private final LuaScript recordScript;
  private final ZoneRules zoneRules;

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
    this.recordScript = new LuaScript(redis, recordScript(properties, engagement));
    this.zoneRules = engagement.timeZone().getRules();
  }

  /**
   * The record script with this store's settings as constants: {@code markerTtl} (seconds),
   * {@code timelineLength}, the half-lives' names and millis ({@code halfLifeName}, {@code
   * halfLife}; names are {@code [a-z0-9_]}, so they need no quoting beyond the quotes) and the
   * shortest ({@code shortest}, 0 without half-lives).
   */
  private static String recordScript(LeadProperties properties, EngagementProperties engagement) {
    List<String> names = new ArrayList<>();
    List<String> millis = new ArrayList<>();
    engagement.halfLives().forEach((name, halfLife) -> {
      names.add("'" + name + "'");
      millis.add(Long.toString(halfLife.toMillis()));
    });
    long shortest = engagement.halfLives().values().stream().mapToLong(Duration::toMillis).min().orElse(0);
    String config = "local markerTtl, timelineLength = '" + properties.eventDedupeWindow().toSeconds() + "', '"
        + properties.timelineLength() + "'\n"
        + "local halfLifeName, halfLife = {" + String.join(", ", names) + "}, {" + String.join(", ", millis) + "}\n"
        + "local shortest = " + shortest;
    return RECORD.replace("$CONFIG", config);
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
   * Records the events in one pipeline (one round trip): one atomic step per lead, with the
   * journey message {@code messageOf} gives for each event ({@code null} for none), which goes to
   * the journey outbox only when the event is recorded (not for a duplicate or an unknown lead).
   * A lead's events are recorded in their batch order. The outcomes are in the order of the events.
   */
  List<RecordOutcome> recordAll(List<LeadEvent> events, Function<LeadEvent, JourneyMessage> messageOf) {
    return recordAndRead(events, messageOf).outcomes();
  }

  /**
   * What {@link #recordAndRead} gives.
   *
   * @param outcomes in the order of the events
   * @param segmentState per lead with a recorded event, what its segment rules read and its
   *     segments, as of its last event
   */
  record Recorded(List<RecordOutcome> outcomes, Map<String, RedisSegments.Current> segmentState) {}

  /**
   * Like {@link #recordAll}, and reads in the same scripts what the segment evaluation that follows
   * needs.
   */
  Recorded recordAndRead(List<LeadEvent> events, Function<LeadEvent, JourneyMessage> messageOf) {
    Map<String, List<Integer>> byLead = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      byLead.computeIfAbsent(events.get(i).leadId(), lead -> new ArrayList<>()).add(i);
    }
    List<LuaScript.Call> calls = new ArrayList<>(byLead.size());
    byLead.forEach((leadId, indexes) -> calls.add(recordCall(leadId, indexes, events, messageOf)));
    List<Object> results = recordScript.evalAll(calls);
    RecordOutcome[] outcomes = new RecordOutcome[events.size()];
    Map<String, RedisSegments.Current> segmentState = new LinkedHashMap<>();
    int call = 0;
    for (Map.Entry<String, List<Integer>> lead : byLead.entrySet()) {
      List<Integer> indexes = lead.getValue();
      List<?> reply = (List<?>) results.get(call++);
      for (int e = 0; e < indexes.size(); e++) {
        long code = (Long) reply.get(e);
        outcomes[indexes.get(e)] =
            code < 0 ? RecordOutcome.UNKNOWN_LEAD : code == 0 ? RecordOutcome.DUPLICATE : RecordOutcome.RECORDED;
      }
      if (reply.size() > indexes.size()) {
        segmentState.put(lead.getKey(), segmentState(reply.subList(indexes.size(), reply.size())));
      }
    }
    return new Recorded(List.of(outcomes), segmentState);
  }

  /** The segment inputs, the band and the segments the record script returns after the codes. */
  private static RedisSegments.Current segmentState(List<?> state) {
    int inputs = RedisSegments.INPUT_FIELDS.size();
    List<String> values = new ArrayList<>(inputs);
    for (int i = 0; i < inputs; i++) {
      values.add(LuaScript.text(state.get(i)));
    }
    Set<String> segments = new HashSet<>();
    for (int i = inputs + 1; i < state.size(); i++) {
      segments.add(LuaScript.text(state.get(i)));
    }
    return RedisSegments.current(values, LuaScript.text(state.get(inputs)), segments);
  }

  private LuaScript.Call recordCall(
      String leadId, List<Integer> indexes, List<LeadEvent> events, Function<LeadEvent, JourneyMessage> messageOf) {
    List<String> keys = new ArrayList<>(6 + indexes.size());
    keys.add(leadKey(leadId));
    keys.add(timelineKey(leadId));
    keys.add(engagementKey(leadId));
    keys.add(outbox.key());
    keys.add(RedisSegments.scoreKey(leadId));
    keys.add(RedisSegments.leadSegmentsKey(leadId));
    List<String> args = new ArrayList<>(1 + 10 * indexes.size());
    args.add(leadId);
    for (int index : indexes) {
      LeadEvent event = events.get(index);
      keys.add(eventKey(event.eventId()));
      addEventArgs(args, event, messageOf.apply(event));
    }
    return new LuaScript.Call(keys, args);
  }

  private void addEventArgs(List<String> args, LeadEvent event, JourneyMessage message) {
    Instant occurredAt = event.occurredAt() != null ? event.occurredAt() : clock.instant();
    args.add(event.type());
    args.add(Long.toString(occurredAt.toEpochMilli()));
    args.add(properties.isEngagement(event.type()) ? "1" : "0");
    args.add(event.eventId());
    args.add(event.channel() == null ? "" : event.channel());
    args.add(toJson(event.properties()));
    args.add(histogramSlot(occurredAt));
    if (message == null) {
      args.add("");
      args.add("");
      args.add("");
    } else {
      if (!message.leadId().equals(event.leadId())) {
        throw new IllegalArgumentException("a journey message of an event is correlated by the event's lead");
      }
      args.add(message.name());
      args.add(Long.toString(message.timeToLive().toMillis()));
      args.add(outbox.variablesJson(message.variables()));
    }
  }

  /**
   * The send-time histogram's slot of an instant, {@code <weekday 1-7>:<hour 0-23>} in the
   * engagement time zone: arithmetic on the local epoch second, as {@code atZone} would give but
   * without building a date-time per event.
   */
  private String histogramSlot(Instant at) {
    long local = at.getEpochSecond() + zoneRules.getOffset(at).getTotalSeconds();
    long day = Math.floorDiv(local, 86_400);
    int weekday = (int) Math.floorMod(day + 3, 7) + 1; // 1970-01-01 was a Thursday (4)
    int hour = (int) (Math.floorMod(local, 86_400) / 3_600);
    return weekday + ":" + hour;
  }

  /**
   * The lead's engagement as of the store's clock: decayed counters (decay applied on read too),
   * last-seen per channel and the send-time histogram. Empty maps for an unknown lead.
   */
  LeadEngagement engagement(String leadId) {
    long now = clock.millis();
    Map<String, String> hash = new HashMap<>();
    byte[] decayed = null;
    for (Map.Entry<byte[], byte[]> entry : redis.hgetAll(engagementKey(leadId).getBytes(StandardCharsets.UTF_8)).entrySet()) {
      String field = new String(entry.getKey(), StandardCharsets.UTF_8);
      if (field.equals(DECAYED)) {
        decayed = entry.getValue();
      } else {
        hash.put(field, new String(entry.getValue(), StandardCharsets.UTF_8));
      }
    }
    String landmark = hash.get(LANDMARK);
    Map<String, Double> counters = new TreeMap<>();
    Map<String, Instant> lastSeen = new TreeMap<>();
    Map<String, Long> histogram = new TreeMap<>();
    hash.forEach((field, stored) -> {
      if (field.startsWith(SEEN)) {
        lastSeen.put(field.substring(SEEN.length()), Instant.ofEpochMilli((long) Double.parseDouble(stored)));
      } else if (field.startsWith(HOUR)) {
        histogram.put(field.substring(HOUR.length()), (long) Double.parseDouble(stored));
      }
    });
    if (decayed != null && landmark != null) {
      double sinceLandmark = now - Double.parseDouble(landmark);
      PackedCounters.decode(decayed).forEach((counter, sum) -> {
        Duration halfLife = engagement.halfLives().get(counter.substring(0, counter.indexOf(':')));
        if (halfLife != null) { // else a half-life no longer configured
          counters.put(counter, sum * Math.pow(2, -sinceLandmark / halfLife.toMillis()));
        }
      });
    }
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
    if (value.isEmpty()) {
      return "{}";
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event properties are not serializable as JSON", e);
    }
  }
}
