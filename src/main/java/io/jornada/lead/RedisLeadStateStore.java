package io.jornada.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

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

  /**
   * De-duplicates, counts, moves lastEngagedAt forward and appends to the timeline, all or nothing.
   * KEYS[1] lead hash, KEYS[2] eventId marker, KEYS[3] timeline stream; ARGV[1] marker TTL
   * seconds, ARGV[2] type, ARGV[3] occurredAt millis, ARGV[4] '1' when engagement, ARGV[5]
   * timeline length, ARGV[6] eventId, ARGV[7] channel, ARGV[8] properties as JSON. Returns -1 for
   * an unknown lead, 0 for a duplicate, 1 when recorded.
   */
  private static final String RECORD =
      """
      if redis.call('EXISTS', KEYS[1]) == 0 then
        return -1
      end
      if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
        return 0
      end
      redis.call('HINCRBY', KEYS[1], 'count:' .. ARGV[2], 1)
      if ARGV[4] == '1' then
        local last = tonumber(redis.call('HGET', KEYS[1], 'lastEngagedAt') or '0')
        if tonumber(ARGV[3]) > last then
          redis.call('HSET', KEYS[1], 'lastEngagedAt', ARGV[3])
        end
      end
      redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*',
        'eventId', ARGV[6], 'type', ARGV[2], 'occurredAt', ARGV[3],
        'channel', ARGV[7], 'properties', ARGV[8])
      return 1
      """;

  private final RedisClient redis;
  private final LeadProperties properties;
  private final ObjectMapper json;
  private final Clock clock;

  public RedisLeadStateStore(
      RedisClient redis, LeadProperties properties, ObjectMapper json, Clock clock) {
    this.redis = redis;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
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
    Instant occurredAt = event.occurredAt() != null ? event.occurredAt() : clock.instant();
    Object result =
        redis.eval(
            RECORD,
            List.of(leadKey(event.leadId()), eventKey(event.eventId()), timelineKey(event.leadId())),
            List.of(
                Long.toString(properties.eventDedupeWindow().toSeconds()),
                event.type(),
                Long.toString(occurredAt.toEpochMilli()),
                properties.isEngagement(event.type()) ? "1" : "0",
                Integer.toString(properties.timelineLength()),
                event.eventId(),
                event.channel() == null ? "" : event.channel(),
                toJson(event.properties())));
    long outcome = (Long) result;
    if (outcome < 0) {
      throw new UnknownLeadException(event.leadId());
    }
    return outcome == 1;
  }

  @Override
  public Optional<LeadProfile> find(String leadId) {
    Map<String, String> hash = redis.hgetAll(leadKey(leadId));
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
