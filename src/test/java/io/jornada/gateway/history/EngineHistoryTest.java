package io.jornada.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.jornada.engine.Engine;
import io.jornada.engine.EngineClock;
import io.jornada.engine.EngineMetrics;
import io.jornada.engine.EventLog;
import io.jornada.engine.InMemoryEventLog;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.FailJob;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.command.Results.ActivatedJob;
import io.jornada.engine.event.DeploymentEvents.ProcessDeployed;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.IncidentEvents.IncidentCreated;
import io.jornada.engine.event.IncidentEvents.IncidentResolved;
import io.jornada.engine.journal.FileJournal;
import io.jornada.engine.model.ElementType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search history, fed by a real engine's events: rebuilt on restart, bounded by its retention. */
class EngineHistoryTest {

  private static final String XML = Bpmn.convertToString(Bpmn.createExecutableProcess("order").name("Order")
      .startEvent("start")
      .serviceTask("pick", t -> t.name("Pick items").zeebeJobType("pick"))
      .endEvent("end")
      .done());

  private static final Resource ORDER = new Resource("order.bpmn", XML.getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void shouldReplayTheLogIntoTheHistoryOnStart() {
    // given: a log with a completed instance (no snapshot: the in-memory log keeps every event)
    EventLog log = new InMemoryEventLog();
    long instance;
    try (var engine = engine(log, new EngineHistory(100))) {
      engine.send(new Deploy(List.of(ORDER))).join();
      instance = create(engine, Map.of("orderId", "o-1"));
      engine.send(new CompleteJob(activate(engine).get(0).jobKey(), Map.of("picked", true))).join();
    }

    // when
    var history = new EngineHistory(100);
    try (var engine = engine(log, history)) {

      // then: the whole history is back, elements, variables and flows of the ended instance included
      history.read(view -> {
        assertThat(view.processInstance(instance)).hasValueSatisfying(p -> assertThat(p.state()).isEqualTo(InstanceState.COMPLETED));
        assertThat(view.elementInstances()).extracting(ElementInstanceEntry::elementId).containsExactly("start", "pick", "end");
        assertThat(view.elementInstances()).allSatisfy(e -> assertThat(e.state()).isEqualTo(InstanceState.COMPLETED));
        assertThat(view.variables()).extracting(VariableEntry::name, VariableEntry::value)
            .containsExactlyInAnyOrder(tuple("orderId", "\"o-1\""), tuple("picked", "true"));
        assertThat(view.sequenceFlows(instance)).hasSize(2);
        return null;
      });
    }
  }

  @Test
  void shouldRebuildLiveStateAndEndedSummariesFromASnapshot() {
    // given: a completed instance, an active one and an open incident; closing the engine writes a snapshot
    long completed;
    long active;
    long failing;
    try (var engine = engine(FileJournal.open(dir), new EngineHistory(100))) {
      engine.send(new Deploy(List.of(ORDER))).join();
      completed = create(engine, Map.of("orderId", "o-1"));
      active = create(engine, Map.of("orderId", "o-2"));
      failing = create(engine, Map.of("orderId", "o-3"));
      List<ActivatedJob> jobs = activate(engine);
      engine.send(new CompleteJob(jobOf(jobs, completed).jobKey(), Map.of())).join();
      engine.send(new FailJob(jobOf(jobs, failing).jobKey(), 0, "scanner offline", 0, Map.of())).join();
    }

    // when
    var history = new EngineHistory(100);
    try (var engine = engine(FileJournal.open(dir), history)) {

      // then: what the snapshot holds is back: definitions, every instance, live elements and variables, open incidents
      history.read(view -> {
        assertThat(view.processDefinitions()).singleElement().satisfies(d -> {
          assertThat(d.xml()).isEqualTo(XML);
          assertThat(d.name()).isEqualTo("Order");
        });
        assertThat(view.processInstance(completed)).hasValueSatisfying(p -> {
          assertThat(p.state()).isEqualTo(InstanceState.COMPLETED);
          assertThat(p.endDate()).isNotNull();
        });
        assertThat(view.processInstance(active)).hasValueSatisfying(p -> assertThat(p.state()).isEqualTo(InstanceState.ACTIVE));
        assertThat(view.elementInstances()).filteredOn(e -> e.processInstanceKey() == active).singleElement().satisfies(e -> {
          assertThat(e.elementId()).isEqualTo("pick");
          assertThat(e.state()).isEqualTo(InstanceState.ACTIVE);
        });
        assertThat(view.variables()).filteredOn(v -> v.processInstanceKey() == active).extracting(VariableEntry::value)
            .containsExactly("\"o-2\"");
        assertThat(view.incidents()).singleElement().satisfies(i -> {
          assertThat(i.processInstanceKey()).isEqualTo(failing);
          assertThat(i.errorType()).isEqualTo("JOB_NO_RETRIES");
        });
        assertThat(view.processInstance(failing)).hasValueSatisfying(p -> assertThat(p.hasIncident()).isTrue());
        // and what it does not hold is gone: the completed instance's elements (a documented limit)
        assertThat(view.elementInstances()).noneMatch(e -> e.processInstanceKey() == completed);
        return null;
      });
    }
  }

  @Test
  void shouldForgetTheOldestEndedInstancesBeyondTheRetention() {
    // given: a history that keeps one ended instance
    var history = new EngineHistory(1);
    try (var engine = engine(new InMemoryEventLog(), history)) {
      engine.send(new Deploy(List.of(ORDER))).join();
      long first = create(engine, Map.of("orderId", "o-1"));
      engine.send(new CompleteJob(activate(engine).get(0).jobKey(), Map.of())).join();
      long second = create(engine, Map.of("orderId", "o-2"));
      long running = create(engine, Map.of("orderId", "o-3"));

      // when the second one ends too
      engine.send(new CompleteJob(jobOf(activate(engine), second).jobKey(), Map.of())).join();

      // then the first is forgotten with everything it had; the second and the running one stay
      history.read(view -> {
        assertThat(view.processInstances()).extracting(ProcessInstanceEntry::key).containsExactly(second, running);
        assertThat(view.elementInstances()).noneMatch(e -> e.processInstanceKey() == first);
        assertThat(view.variables()).noneMatch(v -> v.processInstanceKey() == first);
        assertThat(view.sequenceFlows(first)).isEmpty();
        assertThat(view.elementInstances()).anyMatch(e -> e.processInstanceKey() == second);
        return null;
      });
    }
  }

  @Test
  void shouldKeepAResolvedIncidentAsResolvedAndClearItFromItsElement() {
    // given: an incident on a task (the engine offers no resolution command yet, so its events are given directly)
    var history = new EngineHistory(10);
    history.onEvents(List.of(
        new ProcessDeployed(1, "order", 1, "order.bpmn", 2, XML.getBytes(StandardCharsets.UTF_8)),
        new ElementActivated(10, 10, -1, 1, "order", ElementType.PROCESS, false, 1_000),
        new ElementActivated(11, 10, 10, 1, "pick", ElementType.SERVICE_TASK, true, 1_001),
        new IncidentCreated(12, 10, 11, "pick", "JOB_NO_RETRIES", "scanner offline", 13, 1_002)));

    // when
    history.onEvents(List.of(new IncidentResolved(12)));

    // then
    history.read(view -> {
      assertThat(view.incident(12)).hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(IncidentEntry.State.RESOLVED));
      assertThat(view.elementInstance(11)).hasValueSatisfying(e -> {
        assertThat(e.hasIncident()).isFalse();
        assertThat(e.elementName()).isEqualTo("Pick items");
      });
      assertThat(view.processInstance(10)).hasValueSatisfying(p -> assertThat(p.hasIncident()).isFalse());
      return null;
    });
  }

  private static Engine engine(EventLog log, EngineHistory history) {
    return new Engine(EngineClock.system(), log, Engine.DEFAULT_SNAPSHOT_EVERY_EVENTS, EngineMetrics.NONE, List.of(history));
  }

  private static long create(Engine engine, Map<String, Object> variables) {
    return engine.send(new CreateProcessInstance("order", -1, -1, variables, false, List.of())).join().value().processInstanceKey();
  }

  private static List<ActivatedJob> activate(Engine engine) {
    return engine.send(new ActivateJobs("pick", "test", 60_000, 10, List.of())).join().value();
  }

  private static ActivatedJob jobOf(List<ActivatedJob> jobs, long instance) {
    return jobs.stream().filter(j -> j.processInstanceKey() == instance).findFirst().orElseThrow();
  }
}
