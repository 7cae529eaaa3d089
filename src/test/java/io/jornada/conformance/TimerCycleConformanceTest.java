package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Timer cycles on non-interrupting boundary events: docs.camunda.io/docs/components/modeler/bpmn/timer-events/
 * (8.8, "Time cycle"; a cycle may be a cron expression). Time moves through the clock endpoints.
 */
class TimerCycleConformanceTest extends ConformanceTest {

  /** "Time cycle ... cron expression": a non-interrupting boundary timer {@code 0 0 * * * *} fires at the top of each hour while its task waits. */
  @Test
  void aCronCycleOnABoundaryTimerFiresAtEachMatchingTime() throws InterruptedException {
    String processId = unique("cycle-cron-boundary");
    String work = processId + "-work";
    String nudge = processId + "-nudge";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(work))
        .boundaryEvent("hourly", b -> b.cancelActivity(false).timerWithCycle("0 0 * * * *"))
        .serviceTask("remind", t -> t.zeebeJobType(nudge)).endEvent()
        .moveToActivity("task").endEvent()
        .done());
    Instant nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    start(processId, Map.of());

    pinClock(nextHour.minusSeconds(1));
    Thread.sleep(300);
    assertThat(activateAll(nudge, 5)).isEmpty();
    pinClock(nextHour);
    ActivatedJob first = activate(nudge);
    complete(first, Map.of());
    pinClock(nextHour.plus(Duration.ofHours(1)));
    ActivatedJob second = activate(nudge);

    assertThat(List.of(first.getKey(), second.getKey())).doesNotHaveDuplicates();
    assertThat(activateAll(work, 1)).hasSize(1);
  }
}
