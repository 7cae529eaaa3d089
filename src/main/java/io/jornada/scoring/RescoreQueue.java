package io.jornada.scoring;

import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadEventListener;
import io.jornada.lead.LuaScript;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ZAddParams;

/**
 * The leads whose score is due for a re-score, in Redis: a sorted set ({@link #KEY}), member the
 * lead id, score the instant (millis) the re-score is due.
 *
 * <p>A new event of a lead makes it due {@code delay} later, unless it already was due earlier
 * ({@code ZADD LT}): all of a lead's events until its re-score become one re-score, a burst of
 * clicks costs one, and a lead that keeps engaging is still re-scored every {@code delay}.
 *
 * <p>{@link #claim} hands due leads to one re-scorer for a lease (their score moves to the end of
 * the lease), so that concurrent re-scorers (several Jornada nodes) never take the same lead, and a
 * re-scorer that dies leaves its leads to be claimed again when the lease ends. {@link #done}
 * removes a lead only while it still holds the lease's score: a lead with a new event during its
 * re-score was made due again and stays, so that event is scored too.
 */
public class RescoreQueue implements LeadEventListener {

  /** The set's key in a running application. */
  public static final String KEY = "jornada:scoring:due";

  /**
   * KEYS[1] the set; ARGV[1] now millis, ARGV[2] at most this many leads, ARGV[3] the lease's end
   * millis. Returns the claimed leads and, when none was due, the earliest due instant (or false).
   */
  private static final String CLAIM =
      """
      local due = redis.call('ZRANGE', KEYS[1], '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, ARGV[2])
      if #due == 0 then
        local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return {due, first[2] or false}
      end
      local leased = {}
      for i, lead in ipairs(due) do
        leased[2 * i - 1], leased[2 * i] = ARGV[3], lead
      end
      redis.call('ZADD', KEYS[1], 'XX', unpack(leased))
      return {due, false}
      """;

  /** KEYS[1] the set; ARGV[1] the lease's end millis, then the leads. Removes those still leased. */
  private static final String DONE =
      """
      local lease = tonumber(ARGV[1])
      for i = 2, #ARGV do
        if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[i])) == lease then
          redis.call('ZREM', KEYS[1], ARGV[i])
        end
      end
      return 0
      """;

  /** What {@link #claim} gave: the leads, the lease's end, and when none was due the earliest due. */
  record Claim(List<String> leadIds, long leaseUntilMillis, Long nextDueMillis) {}

  private final RedisClient redis;
  private final String key;
  private final Duration delay;
  private final Clock clock;
  private final LuaScript claim;
  private final LuaScript done;

  /**
   * @param key the set, {@link #KEY} in a running application
   * @param delay how long after a lead's event its re-score is due ({@code jornada.scoring.rescore.delay})
   */
  public RescoreQueue(RedisClient redis, String key, Duration delay, Clock clock) {
    this.redis = redis;
    this.key = key;
    this.delay = delay;
    this.clock = clock;
    this.claim = new LuaScript(redis, CLAIM);
    this.done = new LuaScript(redis, DONE);
  }

  @Override
  public void eventRecorded(LeadEvent event) {
    add(List.of(event.leadId()));
  }

  /** One command for the batch's leads. */
  @Override
  public void eventsRecorded(List<LeadEvent> lastEventPerLead) {
    add(lastEventPerLead.stream().map(LeadEvent::leadId).toList());
  }

  /** Makes the leads due {@code delay} from now, or keeps them due earlier. */
  void add(Collection<String> leadIds) {
    double due = clock.millis() + delay.toMillis();
    Map<String, Double> members = new HashMap<>();
    leadIds.forEach(leadId -> members.put(leadId, due));
    redis.zadd(key, members, ZAddParams.zAddParams().lt());
  }

  /** Up to {@code max} due leads, leased for {@code lease}. */
  Claim claim(int max, Duration lease) {
    long now = clock.millis();
    long leaseUntil = now + lease.toMillis();
    List<?> reply = (List<?>) claim
        .evalAll(List.of(new LuaScript.Call(List.of(key),
            List.of(Long.toString(now), Integer.toString(max), Long.toString(leaseUntil)))))
        .get(0);
    List<String> leadIds = new ArrayList<>();
    for (Object leadId : (List<?>) reply.get(0)) {
      leadIds.add(LuaScript.text(leadId));
    }
    Object next = reply.size() > 1 ? reply.get(1) : null;
    Long nextDue = next == null ? null : (long) Double.parseDouble(LuaScript.text(next));
    return new Claim(List.copyOf(leadIds), leaseUntil, nextDue);
  }

  /** The claimed leads were re-scored; those with no event since leave the queue. */
  void done(Claim claimed) {
    if (claimed.leadIds().isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(claimed.leadIds().size() + 1);
    args.add(Long.toString(claimed.leaseUntilMillis()));
    args.addAll(claimed.leadIds());
    done.evalAll(List.of(new LuaScript.Call(List.of(key), args)));
  }

  /** Leads due or being re-scored. */
  public long size() {
    return redis.zcard(key);
  }
}
