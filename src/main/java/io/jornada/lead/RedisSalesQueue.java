package io.jornada.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.Tuple;

/**
 * The sales queue in Redis: sorted set {@code jornada:sales:queue} (member leadId, score) and hash
 * {@code jornada:sales:reasons} (leadId → JSON array of reasons).
 */
public class RedisSalesQueue implements SalesQueue {

  static final String QUEUE = "jornada:sales:queue";
  static final String REASONS = "jornada:sales:reasons";

  /** Score and reasons change together. KEYS[1] queue, KEYS[2] reasons; ARGV leadId, score, json. */
  private static final String HAND_OFF =
      """
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
      return 1
      """;

  /** As HAND_OFF, but only for a lead already queued. */
  private static final String REFRESH =
      """
      if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
        return 0
      end
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
      return 1
      """;

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final RedisClient redis;
  private final ObjectMapper json;

  public RedisSalesQueue(RedisClient redis, ObjectMapper json) {
    this.redis = redis;
    this.json = json;
  }

  @Override
  public void handOff(String leadId, double score, List<String> reasons) {
    redis.eval(HAND_OFF, List.of(QUEUE, REASONS), List.of(leadId, Double.toString(score), encode(reasons)));
  }

  @Override
  public void refresh(String leadId, double score, List<String> reasons) {
    redis.eval(REFRESH, List.of(QUEUE, REASONS), List.of(leadId, Double.toString(score), encode(reasons)));
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

  /** One pipeline, one round trip, for all the leads; none when there is nothing to refresh. */
  @Override
  public void refreshAll(List<HandOff> latest) {
    if (latest.isEmpty()) {
      return;
    }
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (HandOff entry : latest) {
        pipeline.eval(REFRESH, List.of(QUEUE, REASONS), List.of(entry.leadId(), Double.toString(entry.score()), encode(entry.reasons())));
      }
      pipeline.sync();
    }
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
