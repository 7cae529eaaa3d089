package io.jornada.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.command.Results.ActivatedJob;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.journal.FileJournal;
import io.jornada.engine.state.ProcessInstanceSummary;
import io.jornada.engine.state.StateSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flows waiting at a join and the progress of a multi-instance body survive a snapshot and restart. */
class JoinAndMultiInstanceSnapshotTest {

  @TempDir Path dir;

  private static final Resource JOIN = bpmn("join", Bpmn.createExecutableProcess("join").startEvent().parallelGateway("fork")
      .serviceTask("a", t -> t.zeebeJobType("join-a")).parallelGateway("merge").serviceTask("after", t -> t.zeebeJobType("join-after")).endEvent()
      .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType("join-b")).connectTo("merge").done());

  private static final Resource LOOP = bpmn("loop", Bpmn.createExecutableProcess("loop").startEvent()
      .serviceTask("each", t -> t.zeebeJobType("loop-each").multiInstance(m -> m.sequential().zeebeInputCollectionExpression("items")
          .zeebeInputElement("item").zeebeOutputCollection("results").zeebeOutputElementExpression("result")))
      .endEvent().done());

  @Test
  void shouldRebuildWaitingJoinsAndLoopProgressFromASnapshot() throws IOException {
    // given: one flow waits at the join, one of three sequential instances completed; snapshots after every command
    long loopInstance;
    List<EngineEvent> before;
    try (var engine = new Engine(EngineClock.system(), FileJournal.open(dir), 1)) {
      engine.send(new Deploy(List.of(JOIN, LOOP))).join();
      create(engine, "join", Map.of());
      loopInstance = create(engine, "loop", Map.of("items", List.of(1L, 2L, 3L)));
      complete(engine, activate(engine, "join-a").get(0), Map.of());
      complete(engine, activate(engine, "loop-each").get(0), Map.of("result", 10L));
      before = snapshotOf(engine);
    }

    // when
    try (var engine = new Engine(EngineClock.system(), FileJournal.open(dir), 1)) {

      // then: the same state, and both instances go on from where they were
      List<EngineEvent> after = snapshotOf(engine);
      assertThat(after).hasSameSizeAs(before);
      for (int i = 0; i < before.size(); i++) {
        assertThat(after.get(i)).as("event %d of the state", i).usingRecursiveComparison().isEqualTo(before.get(i));
      }
      assertThat(activate(engine, "join-after")).isEmpty();
      complete(engine, activate(engine, "join-b").get(0), Map.of());
      assertThat(activate(engine, "join-after")).hasSize(1);

      ActivatedJob second = activate(engine, "loop-each").get(0);
      assertThat(second.variables()).containsEntry("item", 2L).containsEntry("loopCounter", 2L);
      complete(engine, second, Map.of("result", 20L));
      complete(engine, activate(engine, "loop-each").get(0), Map.of("result", 30L));
      var summary = engine.query(state -> state.instance(loopInstance).orElseThrow()).join();
      assertThat(summary.state()).isEqualTo(ProcessInstanceSummary.State.COMPLETED);
    }
  }

  private static Resource bpmn(String id, BpmnModelInstance model) {
    return new Resource(id + ".bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
  }

  private static long create(Engine engine, String processId, Map<String, Object> variables) {
    return engine.send(new CreateProcessInstance(processId, -1, -1, variables, false, List.of())).join().value().processInstanceKey();
  }

  private static List<ActivatedJob> activate(Engine engine, String type) {
    return engine.send(new ActivateJobs(type, "test", 60_000, 10, List.of())).join().value();
  }

  private static void complete(Engine engine, ActivatedJob job, Map<String, Object> variables) {
    engine.send(new CompleteJob(job.jobKey(), variables)).join();
  }

  private static List<EngineEvent> snapshotOf(Engine engine) {
    return engine.query(state -> {
      List<EngineEvent> events = new ArrayList<>();
      new StateSnapshot(state, 1_000).writeTo(events::addAll);
      return events;
    }).join();
  }
}
