package io.jornada.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.FailJob;
import io.jornada.engine.command.Commands.PinClock;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.command.Commands.UpdateJob;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.journal.FileJournal;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Incident;
import io.jornada.engine.state.Job;
import io.jornada.engine.state.StartTimer;
import io.jornada.engine.state.StateSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state of the clock, timer start events, signal subscriptions, job updates and incidents
 * survives a restart, both by replay of the journal and from a snapshot.
 */
class EngineOpsRestartTest {

  private static final long PINNED = 1_900_000_000_000L;

  @TempDir Path dir;

  @Test
  void shouldRebuildThisStateByReplay() {
    var log = new InMemoryEventLog();
    List<EngineEvent> before = buildState(log, Integer.MAX_VALUE);

    try (var engine = new Engine(EngineClock.system(), log)) {
      assertRebuilt(engine, before);
    }
  }

  @Test
  void shouldRebuildThisStateFromASnapshot() {
    List<EngineEvent> before = buildState(FileJournal.open(dir), 5);

    try (var engine = new Engine(EngineClock.system(), FileJournal.open(dir), 5)) {
      assertRebuilt(engine, before);
    }
  }

  private static List<EngineEvent> buildState(EventLog log, int snapshotEvery) {
    try (var engine = new Engine(EngineClock.system(), log, snapshotEvery)) {
      engine.send(new PinClock(PINNED)).join();
      engine.send(new Deploy(List.of(
          bpmn("tick", Bpmn.createExecutableProcess("tick").startEvent("every").timerWithCycle("R3/PT1H").endEvent().done()),
          bpmn("wait", Bpmn.createExecutableProcess("wait").startEvent().intermediateCatchEvent("go").signal("go").endEvent().done()),
          bpmn("work", Bpmn.createExecutableProcess("work").startEvent()
              .serviceTask("task", t -> t.zeebeJobType("work").zeebeOutputExpression("missing", "copy")).endEvent().done()),
          bpmn("retry", Bpmn.createExecutableProcess("retry").startEvent().serviceTask("task", t -> t.zeebeJobType("retry")).endEvent().done())))).join();
      engine.send(new CreateProcessInstance("wait", -1, -1, Map.of(), false, List.of())).join();
      engine.send(new CreateProcessInstance("work", -1, -1, Map.of(), false, List.of())).join();
      engine.send(new CreateProcessInstance("retry", -1, -1, Map.of(), false, List.of())).join();
      long work = engine.send(new ActivateJobs("work", "test", 60_000, 1, List.of())).join().value().get(0).jobKey();
      engine.send(new CompleteJob(work, Map.of())).join();
      long retry = engine.send(new ActivateJobs("retry", "test", 60_000, 1, List.of())).join().value().get(0).jobKey();
      engine.send(new FailJob(retry, 0, "down", 0, Map.of())).join();
      engine.send(new UpdateJob(retry, 4, null)).join();
      return snapshotOf(engine);
    }
  }

  private static void assertRebuilt(Engine engine, List<EngineEvent> before) {
    assertThat(engine.clock().millis()).isEqualTo(PINNED);
    engine.query(state -> {
      long tick = state.process("tick", -1).orElseThrow().key();
      assertThat(state.startTimersOf(tick)).singleElement()
          .satisfies(key -> assertThat(state.startTimer(key).orElseThrow())
              .extracting(StartTimer::dueDate, StartTimer::repetitions).containsExactly(PINNED + 3_600_000, 3));
      assertThat(state.signalSubscriptions("go")).hasSize(1);
      assertThat(state.incidents()).extracting(Incident::errorType, Incident::onCompletion)
          .containsExactlyInAnyOrder(tuple("IO_MAPPING_ERROR", true), tuple("JOB_NO_RETRIES", false));
      long retryJob = state.incidents().stream().filter(i -> i.jobKey() >= 0).findFirst().orElseThrow().jobKey();
      assertThat(state.job(retryJob).orElseThrow()).extracting(Job::state, Job::retries).containsExactly(Job.State.FAILED, 4);
      return null;
    }).join();
    List<EngineEvent> after = snapshotOf(engine);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).as("event %d of the state", i).usingRecursiveComparison().isEqualTo(before.get(i));
    }
  }

  private static Resource bpmn(String id, BpmnModelInstance model) {
    return new Resource(id + ".bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
  }

  private static List<EngineEvent> snapshotOf(Engine engine) {
    return engine.query((EngineState state) -> {
      List<EngineEvent> events = new ArrayList<>();
      new StateSnapshot(state, 1_000).writeTo(events::addAll);
      return events;
    }).join();
  }
}
