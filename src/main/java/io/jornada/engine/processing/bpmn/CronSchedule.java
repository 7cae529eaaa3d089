package io.jornada.engine.processing.bpmn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cron expression in the format Zeebe takes for timer cycles (Spring's): six fields — second,
 * minute, hour, day of month, month, day of week — each {@code *}, {@code ?}, a value, a range, a
 * list, with an optional {@code /step}; month and weekday names; and the macros {@code @yearly},
 * {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @hourly}. Day of month and day of week
 * must both match. Evaluated in UTC. {@code L}, {@code W} and {@code #} are not supported.
 */
final class CronSchedule {

  private static final Map<String, String> MACROS = Map.of(
      "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
      "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  private static final int MAX_STEPS = 100_000;

  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;

  private CronSchedule(BitSet[] fields) {
    this.seconds = fields[0];
    this.minutes = fields[1];
    this.hours = fields[2];
    this.daysOfMonth = fields[3];
    this.months = fields[4];
    this.daysOfWeek = fields[5];
  }

  /** The schedule, or empty if {@code text} is not a cron expression of this format. */
  static Optional<CronSchedule> parse(String text) {
    String expanded = MACROS.getOrDefault(text.trim().toLowerCase(Locale.ROOT), text.trim());
    String[] parts = expanded.split("\\s+");
    if (parts.length != 6) {
      return Optional.empty();
    }
    try {
      BitSet dayOfWeek = field(parts[5], 0, 7, DAYS);
      if (dayOfWeek.get(0)) {
        dayOfWeek.set(7);
      }
      return Optional.of(new CronSchedule(new BitSet[] {
          field(parts[0], 0, 59, List.of()), field(parts[1], 0, 59, List.of()), field(parts[2], 0, 23, List.of()),
          field(parts[3], 1, 31, List.of()), field(parts[4], 1, 12, MONTHS), dayOfWeek}));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The first matching moment strictly after {@code afterMillis}, or -1 if there is none. */
  long next(long afterMillis) {
    ZonedDateTime t = Instant.ofEpochMilli(afterMillis).atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    for (int step = 0; step < MAX_STEPS; step++) {
      if (!months.get(t.getMonthValue())) {
        t = t.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
      } else if (!daysOfMonth.get(t.getDayOfMonth()) || !daysOfWeek.get(t.getDayOfWeek().getValue())) {
        t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
      } else if (!hours.get(t.getHour())) {
        t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1).truncatedTo(ChronoUnit.MINUTES);
      } else if (!seconds.get(t.getSecond())) {
        t = t.plusSeconds(1);
      } else {
        return t.toInstant().toEpochMilli();
      }
    }
    return -1;
  }

  /** One field: comma-separated parts, each {@code *}, {@code ?}, {@code a} or {@code a-b}, optionally {@code /step}. */
  private static BitSet field(String text, int min, int max, List<String> names) {
    BitSet values = new BitSet(max + 1);
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = Integer.parseInt(part.substring(slash + 1));
        if (step < 1) {
          throw new IllegalArgumentException("step must be positive: " + part);
        }
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        from = value(range.substring(0, range.indexOf('-')), names);
        to = value(range.substring(range.indexOf('-') + 1), names);
      } else {
        from = value(range, names);
        to = slash >= 0 ? max : from;
      }
      if (from < min || to > max || from > to) {
        throw new IllegalArgumentException("out of range: " + part);
      }
      for (int v = from; v <= to; v += step) {
        values.set(v);
      }
    }
    return values;
  }

  private static int value(String text, List<String> names) {
    int index = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      return names.size() == 12 ? index + 1 : index;
    }
    return Integer.parseInt(text);
  }
}
