package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.TimerDefinition;
import java.time.DateTimeException;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A timer cycle, as Zeebe takes it: an ISO-8601 repeating interval — {@code R3/PT10M} (three times,
 * ten minutes apart, the first ten minutes from now), {@code R/PT1H} (for ever), {@code
 * R3/2026-12-01T10:00:00Z/PT1H} (first at the start date, if it is still ahead) — or a cron
 * expression ({@link CronSchedule}), which repeats for ever.
 *
 * <p>Use: {@link #parse} the expression's value, schedule the first firing at {@link
 * #firstDueDate} with all its {@link #firings}, and after each firing, while {@link #firesAgain}
 * says so for the firings left, schedule the next at {@link #nextDueDate} of the one that fired,
 * with {@link #remainingAfter} firings left.
 */
public final class TimerCycle {

  /** The firings of a cycle without end. */
  public static final int UNBOUNDED = -1;

  private final int firings;
  private final long startMillis;
  private final long intervalMillis;
  private final CronSchedule cron;

  private TimerCycle(int firings, long startMillis, long intervalMillis, CronSchedule cron) {
    this.firings = firings;
    this.startMillis = startMillis;
    this.intervalMillis = intervalMillis;
    this.cron = cron;
  }

  /** The cycle, or empty if the value is neither a repeating interval nor a cron expression. */
  public static Optional<TimerCycle> parse(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (!trimmed.startsWith("R")) {
      return CronSchedule.parse(trimmed).map(cron -> new TimerCycle(UNBOUNDED, -1, 0, cron));
    }
    String[] parts = trimmed.split("/");
    if (parts.length < 2 || parts.length > 3) {
      return Optional.empty();
    }
    try {
      int firings = parts[0].length() == 1 ? UNBOUNDED : Integer.parseInt(parts[0].substring(1));
      long start = parts.length == 3 ? TimerDueDates.dueDate(TimerDefinition.Kind.DATE, parts[1], 0).orElseThrow() : -1;
      long interval = TimerDueDates.dueDate(TimerDefinition.Kind.DURATION, parts[parts.length - 1], 0).orElseThrow();
      if (firings == 0 || firings < UNBOUNDED || interval <= 0) {
        return Optional.empty();
      }
      return Optional.of(new TimerCycle(firings, start, interval, null));
    } catch (NumberFormatException | DateTimeException | NoSuchElementException e) {
      return Optional.empty();
    }
  }

  /** How often the timer fires in all; {@link #UNBOUNDED} for ever. */
  public int firings() {
    return firings;
  }

  /** The fixed interval of a repeating interval, in ms; 0 for a cron expression, whose gaps vary. */
  public long intervalMillis() {
    return cron != null ? 0 : intervalMillis;
  }

  /** When it fires first, seen at {@code now}; -1 if never (a cron expression no date matches). */
  public long firstDueDate(long now) {
    if (cron != null) {
      return cron.next(now);
    }
    return startMillis > now ? startMillis : now + intervalMillis;
  }

  /**
   * When it fires next after the firing due at {@code previousDueDate}, seen at {@code now}: the
   * first occurrence of its schedule later than now. Occurrences missed while nothing could fire
   * (the engine was down, the clock was pinned forward) are skipped, not fired in a burst: a
   * journey's hourly reminder fires once after a day of downtime, not 24 times. -1 if never.
   */
  public long nextDueDate(long previousDueDate, long now) {
    return cron != null ? cron.next(Math.max(previousDueDate, now)) : nextOnSchedule(previousDueDate, intervalMillis, now);
  }

  /** The first of {@code previousDueDate + k × interval} (k ≥ 1) later than {@code now}. */
  static long nextOnSchedule(long previousDueDate, long interval, long now) {
    long next = previousDueDate + interval;
    return next > now ? next : previousDueDate + ((now - previousDueDate) / interval + 1) * interval;
  }

  /** Whether a timer with {@code remaining} firings left (this one included) fires again after this one. */
  public static boolean firesAgain(int remaining) {
    return remaining == UNBOUNDED || remaining > 1;
  }

  /** The firings left after one. */
  public static int remainingAfter(int remaining) {
    return remaining == UNBOUNDED ? UNBOUNDED : remaining - 1;
  }
}
