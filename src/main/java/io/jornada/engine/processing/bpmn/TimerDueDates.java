package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.TimerDefinition;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.OptionalLong;

/**
 * When a timer is due, from the value of its expression: an ISO-8601 duration (or FEEL days-time /
 * years-months duration) from now, or an ISO-8601 date-time with offset or zone (or a FEEL date and
 * time). A date in the past is due at once. A cycle ({@link TimerCycle}) is due at its first firing.
 */
final class TimerDueDates {

  private TimerDueDates() {}

  /** The due date in epoch ms, or empty if the value does not fit the timer kind. */
  static OptionalLong dueDate(TimerDefinition.Kind kind, Object value, long now) {
    try {
      return switch (kind) {
        case DURATION -> OptionalLong.of(now + Math.max(0, durationMillis(value)));
        case DATE -> OptionalLong.of(Math.max(now, dateMillis(value)));
        case CYCLE -> firstOfCycle(value, now);
      };
    } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
      return OptionalLong.empty();
    }
  }

  private static OptionalLong firstOfCycle(Object value, long now) {
    long first = TimerCycle.parse(value).map(cycle -> cycle.firstDueDate(now)).orElse(-1L);
    return first < 0 ? OptionalLong.empty() : OptionalLong.of(first);
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
