package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's clock, as Camunda Process Test moves it: docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/pin-clock/
 * and .../reset-clock/ (8.8).
 */
class ClockConformanceTest extends ConformanceTest {

  /** Pin: "Set a precise, static time for the Zeebe engine's internal clock"; a timer due by the pinned time fires at once. */
  @Test
  void pinningTheClockForwardFiresATimerDueByThen() {
    String processId = unique("clock-forward");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().intermediateCatchEvent("wait").timerWithDuration("PT1H").endEvent().done());
    long instance = start(processId, Map.of());

    increaseTime(Duration.ofHours(1));

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Timers never fire early: a timer due after the pinned time keeps waiting. */
  @Test
  void aTimerDueAfterThePinnedTimeKeepsWaiting() throws InterruptedException {
    String processId = unique("clock-not-yet");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().intermediateCatchEvent("wait").timerWithDuration("PT2H").endEvent().done());
    long instance = start(processId, Map.of());

    increaseTime(Duration.ofHours(1));
    Thread.sleep(300);

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    increaseTime(Duration.ofHours(1));
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "When the clock is pinned, it remains at the specified time and does not advance": a short timer started then does not fire while it stays pinned. */
  @Test
  void aPinnedClockDoesNotAdvance() throws InterruptedException {
    String processId = unique("clock-still");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().intermediateCatchEvent("wait").timerWithDuration("PT0.2S").endEvent().done());
    pinClock(Instant.now());
    long instance = start(processId, Map.of());

    Thread.sleep(700);

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    increaseTime(Duration.ofMillis(200));
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Reset: "Resets the Zeebe engine's internal clock to the current system time, enabling it to tick in real-time." */
  @Test
  void resetLetsTheClockFollowTheSystemTimeAgain() throws InterruptedException {
    String processId = unique("clock-reset");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().intermediateCatchEvent("wait").timerWithDateExpression("dueAt").endEvent().done());
    pinClock(Instant.now().minus(Duration.ofHours(1)));
    long instance = start(processId, Map.of("dueAt", Instant.now().plusMillis(300).toString()));
    Thread.sleep(700);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);

    client.newResetClockCommand().send().join();

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Pin: a buffered message whose time to live ends by the pinned time expires, and no later subscription gets it. */
  @Test
  void pinningTheClockForwardExpiresBufferedMessages() throws InterruptedException {
    String processId = unique("clock-ttl");
    String key = unique("order");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait").message(m -> m.name("clock-ttl-message").zeebeCorrelationKeyExpression("orderId"))
        .endEvent().done());
    client.newPublishMessageCommand().messageName("clock-ttl-message").correlationKey(key).timeToLive(Duration.ofMinutes(10)).send().join();

    increaseTime(Duration.ofMinutes(11));
    long instance = start(processId, Map.of("orderId", key));
    Thread.sleep(300);

    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }
}
