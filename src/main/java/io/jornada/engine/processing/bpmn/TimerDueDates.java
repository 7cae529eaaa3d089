package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.TimerDefinition;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a timer is due, from the value of its expression: an ISO-8601 duration (or FEEL days-time /
 * years-months duration) from now, or an ISO-8601 date-time with offset or zone (or a FEEL date and
 * time). A date in the past is due at once. A cycle is an ISO-8601 repeating interval {@code
 * R[n]/[start/]duration}: without a start it first fires one interval from now, with one at the
 * start; without {@code n} it repeats without end.
 */
final class TimerDueDates {

  private TimerDueDates() {}

  /** The due date in epoch ms, or empty if the value does not fit the timer kind. */
  static OptionalLong dueDate(TimerDefinition.Kind kind, Object value, long now) {
    try {
      return switch (kind) {
        case DURATION -> OptionalLong.of(now + Math.max(0, durationMillis(value)));
        case DATE -> OptionalLong.of(Math.max(now, dateMillis(value)));
        case CYCLE -> cycle(value, now).map(c -> OptionalLong.of(c.firstDueDate())).orElse(OptionalLong.empty());
      };
    } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
      return OptionalLong.empty();
    }
  }

  /** The repeating interval of a cycle timer, or empty if the value is not one. */
  static Optional<TimerCycle> cycle(Object value, long now) {
    try {
      String[] parts = value instanceof String s ? s.trim().split("/") : new String[0];
      if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("R")) {
        return Optional.empty();
      }
      String count = parts[0].substring(1);
      int times = count.isEmpty() ? -1 : Integer.parseInt(count);
      long interval = durationMillis(parts[parts.length - 1]);
      if (times == 0 || times < -1 || interval <= 0) {
        return Optional.empty();
      }
      long first = parts.length == 3 ? Math.max(now, dateMillis(parts[1])) : now + interval;
      return Optional.of(new TimerCycle(first, times < 0 ? -1 : times - 1, interval));
    } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static long durationMillis(Object value) {
    if (value instanceof Duration d) {
      return d.toMillis();
    }
    if (value instanceof Period p) {
      return Duration.ofDays(p.toTotalMonths() * 30 + p.getDays()).toMillis();
    }
    if (value instanceof String s) {
      String text = s.trim();
      return text.contains("T") || !text.matches("P\\d+[YMW].*") ? Duration.parse(text).toMillis() : durationMillis(Period.parse(text));
    }
    throw new IllegalArgumentException("not a duration: " + value);
  }

  private static long dateMillis(Object value) {
    if (value instanceof ZonedDateTime z) {
      return z.toInstant().toEpochMilli();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant().toEpochMilli();
    }
    if (value instanceof String s) {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(s.trim());
      return ZonedDateTime.from(parsed).toInstant().toEpochMilli();
    }
    throw new IllegalArgumentException("not a date-time with offset or zone: " + value);
  }
}
