package io.jornada.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.Tuple;

/**
 * The sales queue in Redis: sorted set {@code jornada:sales:queue} (member leadId, score) and hash
 * {@code jornada:sales:reasons} (leadId → JSON array of reasons). Both scripts run by SHA through
 * {@link LuaScript}; a refresh of many leads is one script call per {@value #REFRESH_CHUNK} leads,
 * not one per lead.
 */
public class RedisSalesQueue implements SalesQueue {

  static final String QUEUE = "jornada:sales:queue";
  static final String REASONS = "jornada:sales:reasons";

  /** Leads per refresh call: keeps each call's {@code unpack} well within Lua's stack. */
  static final int REFRESH_CHUNK = 500;

  /** Score and reasons change together. KEYS[1] queue, KEYS[2] reasons; ARGV leadId, score, json. */
  private static final String HAND_OFF =
      """
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
      return 1
      """;

  /**
   * As HAND_OFF for each lead already queued, the others untouched, all at once: one ZMSCORE, one
   * ZADD and one HSET. KEYS[1] queue, KEYS[2] reasons; ARGV triples of leadId, score, json. Returns
   * how many leads were refreshed.
   */
  private static final String REFRESH =
      """
      local ids = {}
      for i = 1, #ARGV, 3 do ids[#ids + 1] = ARGV[i] end
      local queued = redis.call('ZMSCORE', KEYS[1], unpack(ids))
      local scores, reasons = {}, {}
      for n = 1, #ids do
        if queued[n] then
          local i = 3 * n - 2
          scores[#scores + 1] = ARGV[i + 1]
          scores[#scores + 1] = ARGV[i]
          reasons[#reasons + 1] = ARGV[i]
          reasons[#reasons + 1] = ARGV[i + 2]
        end
      end
      if #scores == 0 then
        return 0
      end
      redis.call('ZADD', KEYS[1], 'XX', unpack(scores))
      redis.call('HSET', KEYS[2], unpack(reasons))
      return #scores / 2
      """;

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final List<String> KEYS = List.of(QUEUE, REASONS);

  private final RedisClient redis;
  private final ObjectMapper json;
  private final LuaScript handOff;
  private final LuaScript refresh;

  public RedisSalesQueue(RedisClient redis, ObjectMapper json) {
    this.redis = redis;
    this.json = json;
    this.handOff = new LuaScript(redis, HAND_OFF);
    this.refresh = new LuaScript(redis, REFRESH);
  }

  @Override
  public void handOff(String leadId, double score, List<String> reasons) {
    handOff.evalAll(List.of(new LuaScript.Call(KEYS, List.of(leadId, Double.toString(score), encode(reasons)))));
  }

  @Override
  public void refresh(String leadId, double score, List<String> reasons) {
    refreshAll(List.of(new HandOff(leadId, score, reasons)));
  }

  /** One {@code ZMSCORE}. */
  @Override
  public Set<String> queued(Collection<String> leadIds) {
    if (leadIds.isEmpty()) {
      return Set.of();
    }
    List<String> ids = List.copyOf(leadIds);
    List<Double> scores = redis.zmscore(QUEUE, ids.toArray(String[]::new));
    Set<String> queued = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (scores.get(i) != null) {
        queued.add(ids.get(i));
      }
    }
    return queued;
  }

  /**
   * One pipeline, one round trip, for all the leads, one script call per {@value #REFRESH_CHUNK}
   * (each atomic: which leads are queued is read in the same step); none when there is nothing to
   * refresh.
   */
  @Override
  public void refreshAll(List<HandOff> latest) {
    if (latest.isEmpty()) {
      return;
    }
    List<LuaScript.Call> calls = new ArrayList<>(latest.size() / REFRESH_CHUNK + 1);
    for (int from = 0; from < latest.size(); from += REFRESH_CHUNK) {
      List<HandOff> chunk = latest.subList(from, Math.min(latest.size(), from + REFRESH_CHUNK));
      List<String> args = new ArrayList<>(3 * chunk.size());
      for (HandOff entry : chunk) {
        args.add(entry.leadId());
        args.add(Double.toString(entry.score()));
        args.add(encode(entry.reasons()));
      }
      calls.add(new LuaScript.Call(KEYS, args));
    }
    refresh.evalAll(calls);
  }

  private String encode(List<String> reasons) {
    try {
      return json.writeValueAsString(reasons == null ? List.of() : reasons);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("reasons are not serializable", e);
    }
  }

  @Override
  public List<HandOff> top(int limit) {
    if (limit < 1) {
      return List.of();
    }
    List<Tuple> entries = redis.zrevrangeWithScores(QUEUE, 0, limit - 1L);
    if (entries.isEmpty()) {
      return List.of();
    }
    String[] ids = entries.stream().map(Tuple::getElement).toArray(String[]::new);
    List<String> reasons = redis.hmget(REASONS, ids);
    List<HandOff> queue = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      queue.add(new HandOff(ids[i], entries.get(i).getScore(), parse(reasons.get(i))));
    }
    return queue;
  }

  private List<String> parse(String reasons) {
    if (reasons == null) {
      return List.of();
    }
    try {
      return json.readValue(reasons, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt reasons in " + REASONS, e);
    }
  }
}
