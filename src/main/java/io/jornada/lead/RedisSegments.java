package io.jornada.lead;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Segment memberships in Redis: one set per segment and one per lead, kept in step by Lua, with
 * the journey messages of each change appended to the journey outbox in the same step.
 */
final class RedisSegments {

  static final String INDEX = "jornada:segments";
  /** The score hash the scoring package writes; only its band is read here. */
  static final String SCORE_SUFFIX = ":score";
  static final String NO_SCORE_BAND = "D";

  /**
   * Replaces the lead's memberships with ARGV[6..] and appends a journey message per change to
   * the outbox, all or nothing. KEYS[1] the lead's segment set, KEYS[2] the
   * journey outbox; ARGV[1] leadId, ARGV[2] the id of the event that triggered the evaluation,
   * ARGV[3] the entered message name and ARGV[4] the exited one ('' for no message), ARGV[5] the
   * message TTL millis. Returns how many memberships changed.
   */
  private static final String APPLY =
      JourneyOutbox.LUA_APPEND
          + """
      local wanted = {}
      for i = 6, #ARGV do wanted[ARGV[i]] = true end
      local changes = 0
      local function signal(name, segment)
        if name ~= '' then
          append_journey_message(KEYS[2], name, ARGV[1], ARGV[2] .. ':' .. name .. ':' .. segment, ARGV[5],
            cjson.encode({segment = segment}), '0')
        end
      end
      for _, segment in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        if wanted[segment] then
          wanted[segment] = nil
        else
          redis.call('SREM', KEYS[1], segment)
          redis.call('SREM', 'jornada:segment:' .. segment, ARGV[1])
          changes = changes + 1
          signal(ARGV[4], segment)
        end
      end
      for i = 6, #ARGV do
        local segment = ARGV[i]
        if wanted[segment] then
          wanted[segment] = nil
          redis.call('SADD', KEYS[1], segment)
          redis.call('SADD', 'jornada:segment:' .. segment, ARGV[1])
          redis.call('SADD', 'jornada:segments', segment)
          changes = changes + 1
          signal(ARGV[3], segment)
        end
      end
      return changes
      """;

  private final RedisClient redis;
  private final String outboxKey;
  private final LuaScript apply;

  RedisSegments(RedisClient redis, String outboxKey) {
    this.redis = redis;
    this.outboxKey = outboxKey;
    this.apply = new LuaScript(redis, APPLY);
  }

  static String segmentKey(String segment) {
    return "jornada:segment:" + segment;
  }

  static String leadSegmentsKey(String leadId) {
    return "jornada:lead:" + leadId + ":segments";
  }

  /** The lead hash's fields the segment rules read, in {@link #current} order. */
  static final List<String> INPUT_FIELDS = List.of("funnelStage", "source", "companySize", "preferredChannel");

  /** What the segment rules read for a lead, and the segments it is in now. */
  record Current(SegmentRules.SegmentInput input, Set<String> segments) {}

  static String scoreKey(String leadId) {
    return RedisLeadStateStore.leadKey(leadId) + SCORE_SUFFIX;
  }

  /**
   * A lead's current state from what Redis holds: its {@link #INPUT_FIELDS} values, its stored
   * score's band ({@code null} without a score) and its segments.
   */
  static Current current(List<String> inputs, String band, Set<String> segments) {
    SegmentRules.SegmentInput input = new SegmentRules.SegmentInput(
        band == null ? NO_SCORE_BAND : band,
        inputs.get(0),
        inputs.get(1),
        inputs.get(2) == null ? 0 : Integer.parseInt(inputs.get(2)),
        inputs.get(3));
    return new Current(input, segments);
  }

  /**
   * What the segment rules read for each lead and its segments now, in one round trip; unknown
   * leads are left out.
   */
  Map<String, Current> currentOf(Collection<String> leadIds) {
    Map<String, Response<List<String>>> attributes = new LinkedHashMap<>();
    Map<String, Response<String>> bands = new LinkedHashMap<>();
    Map<String, Response<Set<String>>> memberships = new LinkedHashMap<>();
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (String leadId : leadIds) {
        attributes.put(
            leadId, pipeline.hmget(RedisLeadStateStore.leadKey(leadId), INPUT_FIELDS.toArray(String[]::new)));
        bands.put(leadId, pipeline.hget(scoreKey(leadId), "band"));
        memberships.put(leadId, pipeline.smembers(leadSegmentsKey(leadId)));
      }
      pipeline.sync();
    }
    Map<String, Current> current = new LinkedHashMap<>();
    attributes.forEach((leadId, response) -> {
      List<String> values = response.get();
      if (values.stream().allMatch(v -> v == null)) {
        return;
      }
      current.put(leadId, current(values, bands.get(leadId).get(), memberships.get(leadId).get()));
    });
    return current;
  }

  /**
   * Sets each lead's memberships to exactly the given segments. Each change is signalled in the same atomic step: a message named {@code entered} or {@code exited}
   * (none when {@code null}) goes to the journey outbox, its id made of the lead's trigger event
   * id, the name and the segment.
   *
   * @param triggers leadId → the event that caused the evaluation
   */
  void apply(
      Map<String, List<String>> segmentsByLead,
      Map<String, String> triggers,
      String entered,
      String exited,
      Duration timeToLive) {
    List<String> leadIds = new ArrayList<>(segmentsByLead.keySet());
    List<LuaScript.Call> calls = new ArrayList<>(leadIds.size());
    String ttl = Long.toString(timeToLive.toMillis());
    for (String leadId : leadIds) {
      List<String> args = new ArrayList<>();
      args.add(leadId);
      args.add(triggers.get(leadId));
      args.add(entered == null ? "" : entered);
      args.add(exited == null ? "" : exited);
      args.add(ttl);
      args.addAll(segmentsByLead.get(leadId));
      calls.add(new LuaScript.Call(List.of(leadSegmentsKey(leadId), outboxKey), args));
    }
    apply.evalAll(calls);
  }

  /** Every segment that ever had a member, with its current size. */
  Map<String, Long> sizes() {
    Map<String, Response<Long>> sizes = new TreeMap<>();
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (String segment : redis.smembers(INDEX)) {
        sizes.put(segment, pipeline.scard(segmentKey(segment)));
      }
      pipeline.sync();
    }
    Map<String, Long> result = new TreeMap<>();
    sizes.forEach((segment, size) -> result.put(segment, size.get()));
    return result;
  }

  /** One page of a segment's leads; the next cursor is {@code "0"} after the last page. */
  ScanResult<String> members(String segment, String cursor, int limit) {
    return redis.sscan(segmentKey(segment), cursor, new ScanParams().count(limit));
  }

  /** The segments a lead is in now. */
  List<String> segmentsOf(String leadId) {
    return redis.smembers(leadSegmentsKey(leadId)).stream().sorted().toList();
  }
}
