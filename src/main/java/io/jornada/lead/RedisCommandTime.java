package io.jornada.lead;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import redis.clients.jedis.RedisClient;

/**
 * Redis's time per command over a stretch of a benchmark, from {@code INFO commandstats}: a
 * script's line ({@code evalsha}) includes the commands it calls, which are also listed on their
 * own.
 */
public final class RedisCommandTime {

  private final Map<String, Long> start;
  private Map<String, Long> spent = Map.of();

  private RedisCommandTime(Map<String, Long> start) {
    this.start = start;
  }

  /** Starts the stretch now. */
  public static RedisCommandTime start(RedisClient redis) {
    return new RedisCommandTime(read(redis));
  }

  /** Ends the stretch now: what each command spent since {@link #start}. */
  public void stop(RedisClient redis) {
    Map<String, Long> spentNow = new LinkedHashMap<>();
    read(redis).forEach((command, micros) -> {
      long delta = micros - start.getOrDefault(command, 0L);
      if (delta > 0) {
        spentNow.put(command, delta);
      }
    });
    spent = spentNow;
  }

  /** Microseconds a command spent in the stretch. */
  public long micros(String command) {
    return spent.getOrDefault(command, 0L);
  }

  /** {@code <command>=<µs per event>us …}, the {@code limit} largest first, over {@code events}. */
  public String perEvent(double events, int limit) {
    StringJoiner top = new StringJoiner(" ");
    spent.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .forEach(e -> top.add(String.format(Locale.ROOT, "%s=%.2fus", e.getKey(), e.getValue() / events)));
    return top.toString();
  }

  private static Map<String, Long> read(RedisClient redis) {
    Map<String, Long> micros = new HashMap<>();
    for (String line : redis.info("commandstats").split("\\r?\\n")) {
      int usec = line.indexOf("usec=");
      if (line.startsWith("cmdstat_") && usec > 0) {
        micros.put(line.substring("cmdstat_".length(), line.indexOf(':')),
            Long.parseLong(line.substring(usec + 5, line.indexOf(',', usec))));
      }
    }
    return micros;
  }
}
