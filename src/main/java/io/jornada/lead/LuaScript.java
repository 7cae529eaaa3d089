package io.jornada.lead;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A Lua script run by its SHA ({@code EVALSHA}), many calls per pipeline: the script's text is sent
 * once per connection's Redis, not with every call. Loaded lazily and again after Redis lost its
 * script cache (a restart, {@code SCRIPT FLUSH}), so callers never see {@code NOSCRIPT}. Public so
 * that other features' per-lead scripts (scoring's) run the same way.
 */
public final class LuaScript {

  /** One invocation: its keys and arguments. */
  public record Call(List<String> keys, List<String> args) {}

  private final RedisClient redis;
  private final String source;
  private volatile String sha;

  public LuaScript(RedisClient redis, String source) {
    this.redis = redis;
    this.source = source;
  }

  /**
   * A script's string reply, or an element of its array reply, as text: Jedis hands it over as
   * bytes or as a string depending on the call; {@code null} stays {@code null}.
   */
  public static String text(Object reply) {
    if (reply == null) {
      return null;
    }
    return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : reply.toString();
  }

  /** Runs every call in one pipeline; results in call order. */
  public List<Object> evalAll(List<Call> calls) {
    try {
      return pipelined(calls);
    } catch (JedisDataException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
        throw e;
      }
      // No call ran: a missing script fails them all, so running the batch again is safe.
      sha = redis.scriptLoad(source);
      return pipelined(calls);
    }
  }

  private List<Object> pipelined(List<Call> calls) {
    String current = sha;
    if (current == null) {
      current = redis.scriptLoad(source);
      sha = current;
    }
    List<Response<Object>> responses = new ArrayList<>(calls.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (Call call : calls) {
        responses.add(pipeline.evalsha(current, call.keys(), call.args()));
      }
      pipeline.sync();
    }
    List<Object> results = new ArrayList<>(responses.size());
    for (Response<Object> response : responses) {
      results.add(response.get());
    }
    return results;
  }
}
