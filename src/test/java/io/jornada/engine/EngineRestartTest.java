package io.jornada.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.PublishMessage;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.command.Results.ActivatedJob;
import io.jornada.engine.journal.FileJournal;
import io.jornada.engine.state.ProcessInstanceSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a restart from the journal, time-bound state picks up where it was. */
class EngineRestartTest {

  @TempDir Path dir;

  private static Resource bpmn(String id, io.camunda.zeebe.model.bpmn.BpmnModelInstance model) {
    return new Resource(id + ".bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
  }

  private static final Resource TIMER = bpmn("timer", Bpmn.createExecutableProcess("timer")
      .startEvent().intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1S"))
      .serviceTask("after-timer", t -> t.zeebeJobType("after-timer")).endEvent().done());

  private static final Resource TASK = bpmn("task", Bpmn.createExecutableProcess("task")
      .startEvent().serviceTask("work", t -> t.zeebeJobType("work")).endEvent().done());

  private static final Resource MESSAGE = bpmn("message", Bpmn.createExecutableProcess("message")
      .startEvent().intermediateCatchEvent("paid", e -> e.message(m -> m.name("paid").zeebeCorrelationKeyExpression("orderId")))
      .endEvent().done());

  @Test
  void shouldFireDueTimersRedeliverExpiredJobsAndKeepBufferedMessages() {
    // given: a timer waits, a job is activated but never completed, a message is buffered
    long timerInstance;
    long activatedJob;
    long lastKeyBefore;
    var now = new AtomicLong(1_700_000_000_000L);
    EngineClock clock = now::get;
    try (var engine = new Engine(clock, FileJournal.open(dir))) {
      engine.send(new Deploy(List.of(TIMER, TASK, MESSAGE))).join();
      timerInstance = create(engine, "timer", Map.of());
      create(engine, "task", Map.of());
      activatedJob = activate(engine, "work", 500).get(0).jobKey();
      lastKeyBefore = engine.send(new PublishMessage("paid", "order-7", 60_000, "", Map.of("amount", 42))).join().value();
    }

    // when: the engine is down past the timer's due date and the job's deadline, then restarts
    now.addAndGet(1_200);
    try (var engine = new Engine(clock, FileJournal.open(dir))) {

      // then: the timer fired and its instance moved on to the next task
      await().atMost(Duration.ofSeconds(5)).until(() -> !activate(engine, "after-timer", 60_000).isEmpty());

      // and the expired activation is activatable again, with the same key
      await().atMost(Duration.ofSeconds(5)).until(() -> activate(engine, "work", 60_000).stream().anyMatch(j -> j.jobKey() == activatedJob));

      // and the buffered message, still within its TTL, reaches an instance started after the restart
      long waiting = create(engine, "message", Map.of("orderId", "order-7"));
      await().atMost(Duration.ofSeconds(5)).until(() ->
          engine.query(s -> s.instance(waiting).orElseThrow().state()).join() == ProcessInstanceSummary.State.COMPLETED);

      // and keys never repeat
      assertThat(waiting).isGreaterThan(lastKeyBefore).isGreaterThan(activatedJob).isGreaterThan(timerInstance);
    }
  }

  private static long create(Engine engine, String processId, Map<String, Object> variables) {
    return engine.send(new CreateProcessInstance(processId, -1, -1, variables, false, List.of())).join().value().processInstanceKey();
  }

  private static List<ActivatedJob> activate(Engine engine, String type, long timeoutMillis) {
    return engine.send(new ActivateJobs(type, "test", timeoutMillis, 10, List.of())).join().value();
  }
}
