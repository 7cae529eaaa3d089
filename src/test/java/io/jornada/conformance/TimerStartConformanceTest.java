package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.StartEventBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Timer start events: docs.camunda.io/docs/components/modeler/bpmn/timer-events/ (8.8, "Timer
 * start events", "Time date", "Time cycle"). Time moves through the clock endpoints.
 */
class TimerStartConformanceTest extends ConformanceTest {

  /** "Each of the timer events must have either a time date or time cycle definition ... When a timer is triggered, a new process instance is created": a date fires once. */
  @Test
  void aTimerStartEventWithADateCreatesOneInstanceAtThatDate() throws InterruptedException {
    String processId = unique("start-date");
    deploy(timerStart(processId, s -> s.timerWithDate(Instant.now().plus(Duration.ofHours(1)).toString())));
    assertCount(processId, 0);

    increaseTime(Duration.ofHours(1));
    awaitCount(processId, 1);

    increaseTime(Duration.ofHours(1));
    assertCount(processId, 1);
  }

  /** "Time cycle ... R5/PT10S: every 10 seconds, up to five times": {@code R3/PT10M} creates an instance every ten minutes, three times. */
  @Test
  void aRepeatingIntervalCreatesAnInstanceEachTimeUpToItsRepetitions() throws InterruptedException {
    String processId = unique("start-cycle");
    deploy(timerStart(processId, s -> s.timerWithCycle("R3/PT10M")));

    increaseTime(Duration.ofMinutes(10));
    awaitCount(processId, 1);
    increaseTime(Duration.ofMinutes(10));
    awaitCount(processId, 2);
    increaseTime(Duration.ofMinutes(10));
    awaitCount(processId, 3);
    increaseTime(Duration.ofMinutes(10));
    assertCount(processId, 3);
  }

  /**
   * "R/P1D: every day, infinitely": a cycle without a count repeats, hour after hour. The docs do
   * not say what happens to occurrences missed while nothing could fire; here they are skipped (a
   * campaign started hourly starts once after three hours of downtime, not three times at once),
   * and the schedule keeps its rhythm.
   */
  @Test
  void aCycleWithoutACountRepeatsForEverAndSkipsMissedOccurrences() throws InterruptedException {
    String processId = unique("start-forever");
    deploy(timerStart(processId, s -> s.timerWithCycle("R/PT1H")));

    increaseTime(Duration.ofHours(3));
    awaitCount(processId, 1);
    assertCount(processId, 1);
    increaseTime(Duration.ofHours(1));
    awaitCount(processId, 2);
    increaseTime(Duration.ofHours(1));

    awaitCount(processId, 3);
    stopTimers(processId);
  }

  /** "A time cycle can also have a start time": {@code R2/<start>/PT1H} fires first at the start date, then an hour later. */
  @Test
  void aCycleWithAStartDateFiresFirstAtTheStart() throws InterruptedException {
    String processId = unique("start-at");
    Instant begin = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    deploy(timerStart(processId, s -> s.timerWithCycle("R2/" + begin + "/PT1H")));

    increaseTime(Duration.ofHours(1));
    assertCount(processId, 0);
    pinClock(begin);
    awaitCount(processId, 1);
    pinClock(begin.plus(Duration.ofHours(1)));
    awaitCount(processId, 2);
    pinClock(begin.plus(Duration.ofHours(3)));
    assertCount(processId, 2);
  }

  /** "Time cycle ... cron expression" (Spring format, seconds first): {@code 0 0 * * * *} fires at the top of every hour. */
  @Test
  void aCronExpressionFiresAtEachMatchingTime() throws InterruptedException {
    String processId = unique("start-cron");
    deploy(timerStart(processId, s -> s.timerWithCycle("0 0 * * * *")));
    Instant nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));

    pinClock(nextHour.minusSeconds(1));
    assertCount(processId, 0);
    pinClock(nextHour);
    awaitCount(processId, 1);
    pinClock(nextHour.plus(Duration.ofHours(1)));
    awaitCount(processId, 2);
    stopTimers(processId);
  }

  /** "When a process is deployed ... Scheduled timers of the previous version of the process (based on the BPMN process ID) are canceled." */
  @Test
  void deployingANewVersionCancelsThePreviousVersionsTimers() throws InterruptedException {
    String processId = unique("start-replaced");
    deploy(timerStart(processId, s -> s.timerWithCycle("R/PT1H")));
    deploy(timerStart(processId, s -> s.timerWithCycle("R/PT2H")));

    increaseTime(Duration.ofHours(1));

    assertCount(processId, 0);
    increaseTime(Duration.ofHours(1));
    awaitCount(processId, 1);
    stopTimers(processId);
  }

  /** "A process can have one or more timer start events (besides other types of start events)": its none start event still creates instances on demand. */
  @Test
  void aProcessWithATimerStartEventCanAlsoBeStartedAtItsNoneStartEvent() {
    String processId = unique("start-both");
    deploy(Bpmn.createExecutableProcess(processId)
        .startEvent("tick").timerWithCycle("R1/PT1H").endEvent("afterTick")
        .moveToProcess(processId).startEvent("manual").endEvent("afterManual")
        .done());

    assertThat(run(processId, Map.of("x", 1))).containsEntry("x", 1);

    increaseTime(Duration.ofHours(1));
    awaitCount(processId, 2);
  }

  /** "Each of the timer events must have either a time date or time cycle definition": a duration on a timer start event is rejected at deployment. */
  @Test
  void aTimerStartEventWithADurationIsRejected() {
    String processId = unique("start-duration");

    var failure = catchThrowableOfType(ProblemException.class, () -> deploy(timerStart(processId, s -> s.timerWithDuration("PT1H"))));

    assertThat(failure.code()).isEqualTo(400);
    assertThat(failure.details().getDetail()).contains("timer", "timeDuration");
  }

  private static BpmnModelInstance timerStart(String processId, Consumer<StartEventBuilder> timer) {
    var start = Bpmn.createExecutableProcess(processId).startEvent("tick");
    timer.accept(start);
    return start.endEvent().done();
  }

  /** A new version without timer start events: the timers of a cycle without end are canceled, so they do not fire in later tests. */
  private void stopTimers(String processId) {
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done());
  }

  private long count(String processId) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId)).send().join().items().size();
  }

  private void awaitCount(String processId, long expected) {
    await().atMost(Duration.ofSeconds(10)).until(() -> count(processId) == expected);
  }

  /** Waits a moment for anything that might still fire, then checks the count. */
  private void assertCount(String processId, long expected) throws InterruptedException {
    Thread.sleep(300);
    assertThat(count(processId)).isEqualTo(expected);
  }
}
