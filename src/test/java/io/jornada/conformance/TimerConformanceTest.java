package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timer events: docs.camunda.io/docs/components/modeler/bpmn/timer-events/ (8.8). */
class TimerConformanceTest extends ConformanceTest {

  /** "Time date: a specific point in time defined as ISO 8601 combined date and time ... must contain an offset or time zone"; a FEEL expression may give it. */
  @Test
  void aTimerWithADateWaitsUntilThatDate() {
    String processId = unique("timer-date");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait").timerWithDateExpression("dueAt").endEvent().done());
    Instant dueAt = Instant.now().plusMillis(1500);

    long instance = start(processId, Map.of("dueAt", dueAt.toString()));

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(Instant.now()).isAfterOrEqualTo(dueAt);
  }

  /** A date that has already passed is due at once. */
  @Test
  void aTimerWithAPastDateFiresAtOnce() {
    String processId = unique("timer-past");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait").timerWithDate("2020-01-01T00:00:00Z").endEvent().done());

    assertThat(run(processId, Map.of("x", 1))).containsEntry("x", 1);
  }
}
