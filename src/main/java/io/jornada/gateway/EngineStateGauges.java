package io.jornada.gateway;

import io.jornada.engine.Engine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gauges of the engine's state — activatable jobs per type, open incidents, active elements per
 * process and element (where instances wait) — read from the engine every few seconds rather than
 * at each scrape, so that a scrape never waits for the engine.
 */
final class EngineStateGauges implements AutoCloseable {

  private static final long REFRESH_SECONDS = 5;

  private final Engine engine;
  private final MultiGauge activatableJobs;
  private final MultiGauge activeElements;
  private final AtomicInteger openIncidents = new AtomicInteger();
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "jornada-engine-gauges");
    thread.setDaemon(true);
    return thread;
  });

  EngineStateGauges(Engine engine, MeterRegistry registry) {
    this.engine = engine;
    this.activatableJobs = MultiGauge.builder("jornada.engine.jobs.activatable").description("Jobs waiting for a worker, per type").register(registry);
    this.activeElements = MultiGauge.builder("jornada.engine.elements.active").description("Active element instances (waiting instances), per process and element").register(registry);
    Gauge.builder("jornada.engine.incidents.open", openIncidents, AtomicInteger::get).description("Open incidents").register(registry);
    refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
  }

  private void refresh() {
    engine.query(state -> new Reading(state.activatableJobCounts(), state.activeElementCounts(), state.incidents().size()))
        .thenAccept(reading -> {
          List<MultiGauge.Row<?>> jobs = new ArrayList<>();
          reading.jobs().forEach((type, count) -> jobs.add(MultiGauge.Row.of(Tags.of("type", type), count)));
          activatableJobs.register(jobs, true);
          List<MultiGauge.Row<?>> elements = new ArrayList<>();
          reading.elements().forEach((key, count) -> {
            int slash = key.indexOf('/');
            elements.add(MultiGauge.Row.of(Tags.of("process", key.substring(0, slash), "element", key.substring(slash + 1)), count));
          });
          activeElements.register(elements, true);
          openIncidents.set(reading.incidents());
        });
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }

  private record Reading(Map<String, Integer> jobs, Map<String, Integer> elements, int incidents) {}
}
