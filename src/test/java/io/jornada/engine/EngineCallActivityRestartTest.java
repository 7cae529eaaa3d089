package io.jornada.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CancelProcessInstance;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.command.Results.ActivatedJob;
import io.jornada.engine.journal.FileJournal;
import io.jornada.engine.state.ProcessInstanceSummary.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The link between a called instance and its call activity survives a restart, from the journal alone and from a snapshot. */
class EngineCallActivityRestartTest {

  @TempDir Path dir;

  private static final Resource CHILD = bpmn("child", Bpmn.createExecutableProcess("child")
      .startEvent().serviceTask("work", t -> t.zeebeJobType("child-work")).endEvent().done());

  private static final Resource PARENT = bpmn("parent", Bpmn.createExecutableProcess("parent")
      .startEvent().callActivity("call", c -> c.zeebeProcessId("child")).endEvent().done());

  @ParameterizedTest(name = "from a snapshot: {0}")
  @ValueSource(booleans = {false, true})
  void shouldKeepTheParentLinkAcrossARestart(boolean fromSnapshot) {
    var memory = new InMemoryEventLog();
    Supplier<EventLog> log = () -> fromSnapshot ? FileJournal.open(dir) : memory;
    // given: two parents, each waiting for its called instance
    long cancelled;
    long completed;
    ActivatedJob childOfCancelled;
    ActivatedJob childOfCompleted;
    try (var engine = new Engine(EngineClock.system(), log.get())) {
      engine.send(new Deploy(List.of(CHILD, PARENT))).join();
      cancelled = create(engine);
      completed = create(engine);
      List<ActivatedJob> jobs = engine.send(new ActivateJobs("child-work", "test", 60_000, 10, List.of())).join().value();
      assertThat(jobs).hasSize(2);
      boolean firstIsOfCancelled = parentOf(engine, jobs.get(0).processInstanceKey()).equals(OptionalLong.of(cancelled));
      childOfCancelled = jobs.get(firstIsOfCancelled ? 0 : 1);
      childOfCompleted = jobs.get(firstIsOfCancelled ? 1 : 0);
    }

    // when: the engine restarts
    try (var engine = new Engine(EngineClock.system(), log.get())) {

      // then: the link is known again
      assertThat(parentOf(engine, childOfCancelled.processInstanceKey())).isEqualTo(OptionalLong.of(cancelled));
      assertThat(parentOf(engine, childOfCompleted.processInstanceKey())).isEqualTo(OptionalLong.of(completed));
      assertThat(engine.query(s -> s.callingElementInstance(childOfCancelled.processInstanceKey())).join()).isPresent();

      // and cancelling a parent still terminates its child, and a completing child still completes its parent
      engine.send(new CancelProcessInstance(cancelled)).join();
      assertThat(stateOf(engine, childOfCancelled.processInstanceKey())).isEqualTo(State.TERMINATED);
      engine.send(new CompleteJob(childOfCompleted.jobKey(), Map.of())).join();
      assertThat(stateOf(engine, completed)).isEqualTo(State.COMPLETED);
    }
  }

  private static OptionalLong parentOf(Engine engine, long processInstanceKey) {
    return engine.query(s -> s.parentProcessInstance(processInstanceKey)).join();
  }

  private static long create(Engine engine) {
    return engine.send(new CreateProcessInstance("parent", -1, -1, Map.of(), false, List.of())).join().value().processInstanceKey();
  }

  private static State stateOf(Engine engine, long processInstanceKey) {
    return engine.query(s -> s.instance(processInstanceKey).orElseThrow().state()).join();
  }

  private static Resource bpmn(String id, BpmnModelInstance model) {
    return new Resource(id + ".bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
  }
}
