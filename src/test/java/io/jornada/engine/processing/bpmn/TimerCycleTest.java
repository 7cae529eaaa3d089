package io.jornada.engine.processing.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Timer cycles: ISO-8601 repeating intervals and cron expressions, and when they fire. */
class TimerCycleTest {

  private static final long NOW = Instant.parse("2026-12-01T08:30:00Z").toEpochMilli();

  @Test
  void shouldRepeatAnIntervalACountedNumberOfTimes() {
    TimerCycle cycle = TimerCycle.parse("R3/PT10M").orElseThrow();

    assertThat(cycle.firings()).isEqualTo(3);
    assertThat(cycle.firstDueDate(NOW)).isEqualTo(NOW + 600_000);
    assertThat(cycle.nextDueDate(NOW + 600_000, NOW + 600_000)).isEqualTo(NOW + 1_200_000);
    assertThat(TimerCycle.firesAgain(3)).isTrue();
    assertThat(TimerCycle.firesAgain(1)).isFalse();
    assertThat(TimerCycle.remainingAfter(3)).isEqualTo(2);
  }

  @Test
  void shouldSkipOccurrencesMissedWhileNothingCouldFire() {
    TimerCycle hourly = TimerCycle.parse("R/PT1H").orElseThrow();
    long fired = NOW;

    long afterADayDown = hourly.nextDueDate(fired, NOW + 24 * 3_600_000 + 60_000);

    assertThat(afterADayDown).as("the next hour on the schedule, not 24 catch-up firings").isEqualTo(NOW + 25 * 3_600_000);
  }

  @Test
  void shouldRepeatWithoutEndWithoutACount() {
    TimerCycle cycle = TimerCycle.parse("R/P1D").orElseThrow();

    assertThat(cycle.firings()).isEqualTo(TimerCycle.UNBOUNDED);
    assertThat(TimerCycle.firesAgain(TimerCycle.UNBOUNDED)).isTrue();
    assertThat(TimerCycle.remainingAfter(TimerCycle.UNBOUNDED)).isEqualTo(TimerCycle.UNBOUNDED);
    assertThat(cycle.firstDueDate(NOW)).isEqualTo(NOW + 86_400_000);
  }

  @Test
  void shouldFireFirstAtAStartDateStillAhead() {
    TimerCycle cycle = TimerCycle.parse("R3/2026-12-01T10:00:00Z/PT1H").orElseThrow();

    assertThat(cycle.firstDueDate(NOW)).isEqualTo(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
    long ten = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    assertThat(cycle.nextDueDate(ten, ten))
        .isEqualTo(Instant.parse("2026-12-01T11:00:00Z").toEpochMilli());
  }

  @Test
  void shouldFollowACronExpressionInUtc() {
    TimerCycle weekdays = TimerCycle.parse("0 0 9-17 * * MON-FRI").orElseThrow();

    assertThat(weekdays.firings()).isEqualTo(TimerCycle.UNBOUNDED);
    assertThat(Instant.ofEpochMilli(weekdays.firstDueDate(NOW))).isEqualTo("2026-12-01T09:00:00Z");
    assertThat(Instant.ofEpochMilli(weekdays.nextDueDate(Instant.parse("2026-12-04T17:00:00Z").toEpochMilli(), NOW)))
        .as("Friday 17:00 is followed by Monday 09:00").isEqualTo("2026-12-07T09:00:00Z");
  }

  @Test
  void shouldTakeStepsListsMonthNamesAndMacros() {
    assertThat(Instant.ofEpochMilli(TimerCycle.parse("0 */15 * * * *").orElseThrow().firstDueDate(NOW))).isEqualTo("2026-12-01T08:45:00Z");
    assertThat(Instant.ofEpochMilli(TimerCycle.parse("0 0 12 1,15 JAN ?").orElseThrow().firstDueDate(NOW))).isEqualTo("2027-01-01T12:00:00Z");
    assertThat(Instant.ofEpochMilli(TimerCycle.parse("@daily").orElseThrow().firstDueDate(NOW))).isEqualTo("2026-12-02T00:00:00Z");
    assertThat(Instant.ofEpochMilli(TimerCycle.parse("@hourly").orElseThrow().firstDueDate(NOW))).isEqualTo("2026-12-01T09:00:00Z");
  }

  @Test
  void shouldRejectWhatIsNeitherACycleNorACron() {
    assertThat(TimerCycle.parse("PT10M")).isEmpty();
    assertThat(TimerCycle.parse("R0/PT10M")).isEmpty();
    assertThat(TimerCycle.parse("R3/PT0S")).isEmpty();
    assertThat(TimerCycle.parse("R3/tomorrow/PT1H")).isEmpty();
    assertThat(TimerCycle.parse("0 0 12 * *")).isEmpty();
    assertThat(TimerCycle.parse("0 0 12 L * ?")).isEmpty();
    assertThat(TimerCycle.parse("0 0 25 * * *")).isEmpty();
    assertThat(TimerCycle.parse(42)).isEmpty();
  }

  @Test
  void shouldNeverFireOnADateThatDoesNotExist() {
    assertThat(TimerCycle.parse("0 0 0 30 FEB *").orElseThrow().firstDueDate(NOW)).isEqualTo(-1);
  }
}
