package io.jornada.gateway;

import io.jornada.engine.EngineMetrics;
import io.jornada.engine.journal.JournalMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's and the journal's own measurements as Micrometer meters: commands and events (their
 * rates are commands/s and events/s), processing time, journal write and fsync latency, group
 * commit sizes and snapshot time.
 */
final class EngineMeters implements EngineMetrics, JournalMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> commands = new ConcurrentHashMap<>();
  private final Counter events;
  private final Timer processing;
  private final Timer journalWrite;
  private final Timer journalFsync;
  private final DistributionSummary commitRecords;
  private final Timer snapshots;

  EngineMeters(MeterRegistry registry) {
    this.registry = registry;
    this.events = Counter.builder("jornada.engine.events").description("Events written by the engine").register(registry);
    this.processing = Timer.builder("jornada.engine.command.processing").description("Time to process one command").register(registry);
    this.journalWrite = Timer.builder("jornada.engine.journal.write").description("Time to write one group commit").publishPercentiles(0.5, 0.99).register(registry);
    this.journalFsync = Timer.builder("jornada.engine.journal.fsync").description("Time to fsync one group commit").publishPercentiles(0.5, 0.99).register(registry);
    this.commitRecords = DistributionSummary.builder("jornada.engine.journal.commit.records").description("Records per group commit").register(registry);
    this.snapshots = Timer.builder("jornada.engine.snapshot").description("Time to write a snapshot").register(registry);
  }

  @Override
  public void commandProcessed(String command, int eventCount, long nanos) {
    commands.computeIfAbsent(command, name ->
        Counter.builder("jornada.engine.commands").description("Commands processed by the engine").tag("command", name).register(registry))
        .increment();
    events.increment(eventCount);
    processing.record(Duration.ofNanos(nanos));
  }

  @Override
  public void committed(int records, long writeNanos, long fsyncNanos) {
    commitRecords.record(records);
    journalWrite.record(Duration.ofNanos(writeNanos));
    journalFsync.record(Duration.ofNanos(fsyncNanos));
  }

  @Override
  public void snapshotTaken(long nanos) {
    snapshots.record(Duration.ofNanos(nanos));
  }
}
