package io.jornada.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.journal.FileJournal;
import io.jornada.engine.state.StateSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boundary events and event subprocesses survive a restart: their subscriptions and timers, and how
 * often a cycle timer still has to fire, are rebuilt from the journal and written by snapshots.
 */
class EventScopeRestartTest {

  @TempDir Path dir;

  private static final Resource NURTURE = new Resource("nurture.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("nurture")
          .eventSubProcess("optOut", e -> e.startEvent("optOutStart").message(m -> m.name("opt-out").zeebeCorrelationKeyExpression("leadId"))
              .endEvent())
          .startEvent()
          .serviceTask("wait", t -> t.zeebeJobType("wait"))
          .boundaryEvent("nudge", b -> b.cancelActivity(false).timerWithCycle("R3/PT1S"))
          .serviceTask("remind", t -> t.zeebeJobType("remind")).endEvent()
          .moveToActivity("wait")
          .boundaryEvent("replied", b -> b.message(m -> m.name("reply").zeebeCorrelationKeyExpression("leadId"))).endEvent()
          .moveToActivity("wait").endEvent()
          .done())
      .getBytes(StandardCharsets.UTF_8));

  @Test
  void shouldKeepTheRemainingRepetitionsOfACycleTimerAcrossRestarts() {
    var now = new AtomicLong(1_700_000_000_000L);
    EngineClock clock = now::get;
    try (var engine = new Engine(clock, FileJournal.open(dir))) {
      engine.send(new Deploy(List.of(NURTURE))).join();
      engine.send(new CreateProcessInstance("nurture", -1, -1, Map.of("leadId", "lead-1"), false, List.of())).join();
    }

    for (int firing = 0; firing < 3; firing++) {
      now.addAndGet(1_500);
      try (var engine = new Engine(clock, FileJournal.open(dir), 1)) {
        await().atMost(Duration.ofSeconds(5)).until(() -> activate(engine, "remind") == 1);
      }
    }

    now.addAndGet(5_000);
    try (var engine = new Engine(clock, FileJournal.open(dir))) {
      assertThat(activate(engine, "remind")).isZero();
      assertThat(activate(engine, "wait")).isOne();
    }
  }

  @Test
  void shouldRebuildTheSameEventScopeStateFromASnapshot() {
    List<EngineEvent> before;
    try (var engine = new Engine(EngineClock.system(), FileJournal.open(dir), 5)) {
      engine.send(new Deploy(List.of(NURTURE))).join();
      for (int i = 0; i < 5; i++) {
        engine.send(new CreateProcessInstance("nurture", -1, -1, Map.of("leadId", "lead-" + i), false, List.of())).join();
      }
      before = snapshotOf(engine);
    }

    List<EngineEvent> after;
    try (var engine = new Engine(EngineClock.system(), FileJournal.open(dir), 5)) {
      after = snapshotOf(engine);
    }

    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).as("event %d of the state", i).usingRecursiveComparison().isEqualTo(before.get(i));
    }
  }

  private static int activate(Engine engine, String type) {
    return engine.send(new ActivateJobs(type, "test", 60_000, 10, List.of())).join().value().size();
  }

  private static List<EngineEvent> snapshotOf(Engine engine) {
    return engine.query(state -> {
      List<EngineEvent> events = new ArrayList<>();
      new StateSnapshot(state, 1_000).writeTo(events::addAll);
      return events;
    }).join();
  }
}
