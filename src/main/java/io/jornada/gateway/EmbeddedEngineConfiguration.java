package io.jornada.gateway;

import io.jornada.engine.Engine;
import io.jornada.engine.EngineClock;
import io.jornada.engine.EventLog;
import io.jornada.engine.InMemoryEventLog;
import io.jornada.engine.journal.FileJournal;
import io.jornada.gateway.history.EngineHistory;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded engine inside the application; its REST API is served on the application's port. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedEngine
class EmbeddedEngineConfiguration {

  /**
   * The engine, with its journal in {@code jornada.engine.data-dir}; an empty value keeps the
   * events in memory only (tests, throw-away runs).
   */
  @Bean(destroyMethod = "close")
  Engine engine(
      @Value("${jornada.engine.data-dir:.jornada/engine}") String dataDir,
      @Value("${jornada.engine.snapshot-every-events:" + Engine.DEFAULT_SNAPSHOT_EVERY_EVENTS + "}") int snapshotEveryEvents,
      MeterRegistry registry,
      EngineHistory history) {
    var meters = new EngineMeters(registry);
    EventLog log = dataDir.isBlank() ? new InMemoryEventLog() : FileJournal.open(Path.of(dataDir), meters);
    // The history hears the replay too, so searches see what happened before the restart.
    return new Engine(EngineClock.system(), log, snapshotEveryEvents, meters, List.of(history));
  }

  /**
   * What the search endpoints read, fed by the engine's events; keeps {@code
   * jornada.engine.history.max-ended-instances} ended instances, dropping the oldest first.
   */
  @Bean
  EngineHistory engineHistory(
      @Value("${jornada.engine.history.max-ended-instances:" + EngineHistory.DEFAULT_MAX_ENDED_INSTANCES + "}") int maxEndedInstances) {
    return new EngineHistory(maxEndedInstances);
  }

  @Bean(destroyMethod = "close")
  EngineStateGauges engineStateGauges(Engine engine, MeterRegistry registry) {
    return new EngineStateGauges(engine, registry);
  }

  @Bean(destroyMethod = "close")
  JobActivationRequests jobActivationRequests(Engine engine) {
    return new JobActivationRequests(engine);
  }
}
