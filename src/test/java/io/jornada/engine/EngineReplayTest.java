package io.jornada.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.PublishMessage;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.state.ProcessInstanceSummary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event log is the single source of truth: replaying it into a new engine rebuilds the state. */
class EngineReplayTest {

  private static final byte[] PROCESS = Bpmn.convertToString(
          Bpmn.createExecutableProcess("replay")
              .startEvent()
              .serviceTask("work", t -> t.zeebeJobType("replay-work"))
              .intermediateCatchEvent("wait", e -> e.message(m -> m.name("go").zeebeCorrelationKeyExpression("orderId")))
              .endEvent()
              .done())
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldContinueAnInstanceAfterReplayingTheLog() {
    // given: an instance waits at a job, and a message for its next step is buffered
    var log = new InMemoryEventLog();
    long instance;
    try (var engine = new Engine(EngineClock.system(), log)) {
      engine.send(new Deploy(List.of(new Resource("replay.bpmn", PROCESS)))).join();
      instance = engine.send(new CreateProcessInstance("replay", -1, -1, Map.of("orderId", "o-1"), false, List.of()))
          .join().value().processInstanceKey();
      engine.send(new PublishMessage("go", "o-1", 60_000, "m-1", Map.of("paid", true))).join();
    }

    // when: a new engine starts from the same log and the work goes on
    try (var engine = new Engine(EngineClock.system(), log)) {
      var jobs = engine.send(new ActivateJobs("replay-work", "test", 60_000, 10, List.of())).join().value();
      assertThat(jobs).singleElement().satisfies(job -> assertThat(job.processInstanceKey()).isEqualTo(instance));
      engine.send(new CompleteJob(jobs.get(0).jobKey(), Map.of())).join();

      // then: the buffered message survived, the instance completed, and new keys do not repeat old ones
      var summary = engine.query(state -> state.instance(instance).orElseThrow()).join();
      assertThat(summary.state()).isEqualTo(ProcessInstanceSummary.State.COMPLETED);
      long maxLoggedKey = engine.query(state -> state.nextKey()).join();
      assertThat(maxLoggedKey).isGreaterThan(jobs.get(0).jobKey());
    }
  }
}
