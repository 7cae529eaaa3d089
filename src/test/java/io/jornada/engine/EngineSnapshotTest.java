package io.jornada.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.FailJob;
import io.jornada.engine.command.Commands.PublishMessage;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.journal.FileJournal;
import io.jornada.engine.state.StateSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots replace the journal behind them, and the state they rebuild equals the state they were taken from. */
class EngineSnapshotTest {

  @TempDir Path dir;

  private static final Resource ORDER = new Resource("order.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("order")
          .startEvent()
          .serviceTask("pick", t -> t.zeebeJobType("pick"))
          .intermediateCatchEvent("paid", e -> e.message(m -> m.name("paid").zeebeCorrelationKeyExpression("orderId")))
          .intermediateCatchEvent("cool-down", e -> e.timerWithDuration("PT1H"))
          .endEvent()
          .done())
      .getBytes(StandardCharsets.UTF_8));

  @Test
  void shouldRebuildTheSameStateFromSnapshotAndTail() throws IOException {
    // given: a workload long enough to cross several snapshots
    List<EngineEvent> before;
    try (var engine = new Engine(EngineClock.system(), FileJournal.open(dir), 40)) {
      engine.send(new Deploy(List.of(ORDER))).join();
      for (int i = 0; i < 30; i++) {
        engine.send(new CreateProcessInstance("order", -1, -1, Map.of("orderId", "o-" + i, "amount", (long) i), false, List.of())).join();
      }
      var jobs = engine.send(new ActivateJobs("pick", "test", 60_000, 20, List.of())).join().value();
      for (int i = 0; i < 10; i++) {
        engine.send(new CompleteJob(jobs.get(i).jobKey(), Map.of("picked", true))).join();
      }
      engine.send(new FailJob(jobs.get(10).jobKey(), 2, "scanner offline", 0, Map.of())).join();
      for (int i = 0; i < 5; i++) {
        engine.send(new PublishMessage("paid", "o-" + i, 60_000, "pay-" + i, Map.of("paidAt", "today"))).join();
      }
      engine.send(new PublishMessage("paid", "o-99", 60_000, "pay-99", Map.of())).join();
      before = snapshotOf(engine);
    }

    // when
    List<EngineEvent> after;
    try (var engine = new Engine(EngineClock.system(), FileJournal.open(dir), 40)) {
      after = snapshotOf(engine);
    }

    // then: nothing older than the last snapshot is kept, and the state is the same
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snapshot-"))).hasSize(1);
    }
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).as("event %d of the state", i).usingRecursiveComparison().isEqualTo(before.get(i));
    }
  }

  private static List<EngineEvent> snapshotOf(Engine engine) {
    return engine.query(state -> {
      List<EngineEvent> events = new ArrayList<>();
      new StateSnapshot(state, 1_000).writeTo(events::addAll);
      return events;
    }).join();
  }
}
