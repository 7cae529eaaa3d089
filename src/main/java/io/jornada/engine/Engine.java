package io.jornada.engine;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.CheckDueDates;
import io.jornada.engine.command.Commands.Command;
import io.jornada.engine.decision.DecisionEngine;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.expression.ExpressionLanguage;
import io.jornada.engine.model.BpmnTransformer;
import io.jornada.engine.processing.CommandProcessors;
import io.jornada.engine.processing.EventWriter;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.StateSnapshot;
import io.jornada.engine.state.EventAppliers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded engine: one writer thread takes commands in order, applies their events to state
 * and appends them to the log; answers go out once the log has them. Queries run on the writer
 * thread, so they see a consistent state. On start the log is replayed, so state is always what
 * the log says.
 *
 * <p>An answer may come from a later command than its own: an instance created with
 * awaitCompletion is answered by the command that completes it. Every answer therefore joins the
 * batch of the command being processed when it is given.
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Engine.class.getName());

  private final EngineClock clock;
  private final EventLog log;
  private final EngineState state = new EngineState();
  private final EventAppliers appliers;
  private final EventWriter writer;
  private final CommandProcessors processors;
  private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> daemon(r, "jornada-engine"));
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "jornada-engine-due-dates"));
  private final List<Runnable> answers = new ArrayList<>();
  private CompletableFuture<Void> acknowledged = CompletableFuture.completedFuture(null);
  private ScheduledFuture<?> nextCheck;
  private long nextCheckAt = Long.MAX_VALUE;

  /** Snapshot after this many events by default: restart replays at most about that many. */
  public static final int DEFAULT_SNAPSHOT_EVERY_EVENTS = 500_000;

  private static final int SNAPSHOT_CHUNK_EVENTS = 10_000;

  private final int snapshotEveryEvents;
  private final EngineMetrics metrics;
  private long eventsSinceSnapshot;

  public Engine(EngineClock clock, EventLog log) {
    this(clock, log, DEFAULT_SNAPSHOT_EVERY_EVENTS);
  }

  public Engine(EngineClock clock, EventLog log, int snapshotEveryEvents) {
    this(clock, log, snapshotEveryEvents, EngineMetrics.NONE);
  }

  public Engine(EngineClock clock, EventLog log, int snapshotEveryEvents, EngineMetrics metrics) {
    this(clock, log, snapshotEveryEvents, metrics, List.of());
  }

  /**
   * An engine whose {@code listeners} also receive the replayed events, one at a time, before any
   * new ones: a read model fed by them is rebuilt on start. The replay states what the log holds:
   * after a snapshot, the live state written as events, not the history behind it.
   */
  public Engine(EngineClock clock, EventLog log, int snapshotEveryEvents, EngineMetrics metrics, List<EngineListener> listeners) {
    this.clock = new ControlledClock(clock, state);
    this.log = log;
    this.snapshotEveryEvents = snapshotEveryEvents;
    this.metrics = metrics;
    var expressions = new ExpressionLanguage();
    var decisions = new DecisionEngine();
    var transformer = new BpmnTransformer(expressions);
    this.appliers = new EventAppliers(state, transformer, decisions);
    this.writer = new EventWriter(appliers);
    var bpmn = new BpmnBehaviors(state, writer, this.clock, expressions, decisions);
    this.processors = new CommandProcessors(state, writer, bpmn, transformer, decisions, this.clock);
    this.listeners.addAll(listeners);
    log.replay(event -> {
      appliers.apply(event);
      List<EngineEvent> replayed = List.of(event);
      notify(replayed);
    });
    thread.execute(this::scheduleDueDateCheck);
  }

  public void addListener(EngineListener listener) {
    listeners.add(listener);
  }

  /** Sends a command; the future completes with the answer once its events are logged. */
  public <R> CompletableFuture<CommandResult<R>> send(Command<R> command) {
    var response = new CompletableFuture<CommandResult<R>>();
    thread.execute(() -> process(command, response));
    return response;
  }

  /** Reads state on the writer thread, between commands. */
  public <T> CompletableFuture<T> query(Function<EngineState, T> query) {
    return CompletableFuture.supplyAsync(() -> query.apply(state), thread);
  }

  public EngineClock clock() {
    return clock;
  }

  private <R> void process(Command<R> command, CompletableFuture<CommandResult<R>> response) {
    long started = System.nanoTime();
    long pinnedBefore = state.pinnedClock();
    try {
      processors.process(command, result -> answers.add(() -> response.complete(result)));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "failed to process " + command.getClass().getSimpleName(), e);
      response.completeExceptionally(e);
    }
    List<EngineEvent> events = writer.drain();
    metrics.commandProcessed(command.getClass().getSimpleName(), events.size(), System.nanoTime() - started);
    List<Runnable> ready = List.copyOf(answers);
    answers.clear();
    CompletableFuture<Void> durable = events.isEmpty() ? CompletableFuture.completedFuture(null) : log.append(events);
    eventsSinceSnapshot += events.size();
    // Answers and listeners wait for the log: nothing is acknowledged or exported before it is
    // durable. Each command's stage waits for the previous one, so they run in command order.
    acknowledged = acknowledged.thenCombine(durable, (previous, current) -> current).whenComplete((ok, failure) -> {
      if (failure != null) {
        LOG.log(Level.SEVERE, "the event log failed; answers are withheld", failure);
        return;
      }
      if (!events.isEmpty()) {
        notify(events);
      }
      ready.forEach(Runnable::run);
    });
    if (eventsSinceSnapshot >= snapshotEveryEvents) {
      snapshot();
    }
    if (state.pinnedClock() != pinnedBefore) {
      replanDueDateCheck();
    }
    scheduleDueDateCheck();
  }

  private void snapshot() {
    log.compact(sink -> new StateSnapshot(state, SNAPSHOT_CHUNK_EVENTS).writeTo(sink));
    eventsSinceSnapshot = 0;
  }

  private void scheduleDueDateCheck() {
    long due = state.nextDueDate();
    if (due < 0 || due >= nextCheckAt || scheduler.isShutdown()) {
      return;
    }
    if (nextCheck != null) {
      nextCheck.cancel(false);
    }
    nextCheckAt = due;
    long delay = Math.max(0, due - clock.millis());
    nextCheck = scheduler.schedule(() -> thread.execute(() -> {
      nextCheckAt = Long.MAX_VALUE;
      process(new CheckDueDates(), new CompletableFuture<>());
    }), delay, TimeUnit.MILLISECONDS);
  }

  /** The clock jumped: the planned check was timed for the old clock, so plan it anew (at once if something is due now). */
  private void replanDueDateCheck() {
    if (nextCheck != null) {
      nextCheck.cancel(false);
    }
    nextCheckAt = Long.MAX_VALUE;
  }

  /** Stops taking commands, lets the log finish what it has, and closes the log. */
  @Override
  public void close() {
    // A snapshot at shutdown makes the next start replay almost nothing.
    thread.execute(() -> {
      if (eventsSinceSnapshot > 0) {
        snapshot();
      }
    });
    thread.shutdown();
    try {
      thread.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    log.close();
  }

  /** A listener that fails is logged and skipped: it must never stop the engine from answering. */
  private void notify(List<EngineEvent> events) {
    for (EngineListener listener : listeners) {
      try {
        listener.onEvents(events);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "engine listener " + listener.getClass().getName() + " failed", e);
      }
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread t = new Thread(runnable, name);
    t.setDaemon(true);
    return t;
  }
}
