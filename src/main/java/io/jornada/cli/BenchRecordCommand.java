package io.jornada.cli;

import io.jornada.lead.RecordBenchmark;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of {@code ./jornada bench record [--leads N] [--batch N] [--seconds N]}: the record
 * script alone against a private Redis ({@code --jornada.redis.url=…}, given by the launcher).
 */
public final class BenchRecordCommand {

  private static final Set<String> OPTIONS = Set.of("leads", "batch", "seconds", "jornada.redis.url");

  private BenchRecordCommand() {}

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>(Map.of("leads", "500", "batch", "1000", "seconds", "10"));
    for (String arg : args) {
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
      if (name == null || !OPTIONS.contains(name)) {
        System.err.println("bench record: unexpected argument '" + arg + "'; it takes --leads=N --batch=N --seconds=N");
        System.exit(2);
      }
      options.put(name, arg.substring(equals + 1));
    }
    try {
      RecordBenchmark.run(options.getOrDefault("jornada.redis.url", "redis://127.0.0.1:6379"),
          positive(options, "leads"), positive(options, "batch"),
          Duration.ofSeconds(positive(options, "seconds")), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("bench record: " + e.getMessage());
      System.exit(2);
    }
  }

  private static int positive(Map<String, String> options, String name) {
    try {
      int value = Integer.parseInt(options.get(name));
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + name + " must be a positive number, was '" + options.get(name) + "'");
  }
}
