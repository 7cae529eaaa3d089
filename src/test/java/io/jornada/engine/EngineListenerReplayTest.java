package io.jornada.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.EngineEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Listeners given at construction hear the replayed log first, then new events, like an exporter
 * that catches up; a failing listener is skipped and never stops the engine answering.
 */
class EngineListenerReplayTest {

  private static final Resource PROCESS = new Resource("wait.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("wait")
      .startEvent().serviceTask("work", t -> t.zeebeJobType("work")).endEvent().done()).getBytes(StandardCharsets.UTF_8));

  @Test
  void shouldHandReplayedEventsToInitialListenersBeforeNewOnes() {
    // given
    var log = new InMemoryEventLog();
    List<EngineEvent> logged = new ArrayList<>();
    try (var engine = new Engine(EngineClock.system(), log)) {
      engine.send(new Deploy(List.of(PROCESS))).join();
      engine.send(new CreateProcessInstance("wait", -1, -1, Map.of(), false, List.of())).join();
      log.replay(logged::add);
    }

    // when
    List<EngineEvent> heard = new ArrayList<>();
    try (var engine = new Engine(EngineClock.system(), log, 1_000, EngineMetrics.NONE, List.of(heard::addAll))) {
      int replayed = heard.size();
      engine.send(new CreateProcessInstance("wait", -1, -1, Map.of(), false, List.of())).join();

      // then
      assertThat(heard.subList(0, replayed)).containsExactlyElementsOf(logged);
      assertThat(heard.size()).isGreaterThan(replayed);
    }
  }

  @Test
  void shouldKeepAnsweringWhenAListenerFails() throws Exception {
    // given
    List<EngineEvent> heard = new ArrayList<>();
    EngineListener failing = events -> {
      throw new IllegalStateException("listener bug");
    };
    try (var engine = new Engine(EngineClock.system(), new InMemoryEventLog(), 1_000, EngineMetrics.NONE, List.of(failing, heard::addAll))) {
      engine.send(new Deploy(List.of(PROCESS))).join();

      // when
      var created = engine.send(new CreateProcessInstance("wait", -1, -1, Map.of(), false, List.of())).get(10, TimeUnit.SECONDS);

      // then: answered, and the next listener heard the instance's events after the failure
      assertThat(created.isRejected()).isFalse();
      long instance = created.value().processInstanceKey();
      assertThat(heard).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(ElementActivated.class,
          activated -> assertThat(activated.key()).isEqualTo(instance)));
    }
  }
}
