package io.jornada.gateway;

import io.jornada.engine.Engine;
import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Results.ActivatedJob;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.event.JobEvents;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Long polling for job activation: a request that finds no job is parked until a job of its type
 * becomes activatable or its request timeout passes. The engine tells which types became
 * activatable through its event stream; parked requests of those types then try again.
 *
 * <p>A request whose time runs out while an attempt is in flight is answered by that attempt, so
 * jobs it activated are never dropped (they would stay locked until their job timeout).
 */
final class JobActivationRequests implements AutoCloseable {

  private final Engine engine;
  private final Map<String, ConcurrentLinkedQueue<Parked>> parked = new ConcurrentHashMap<>();
  private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "jornada-gateway-long-polling");
    thread.setDaemon(true);
    return thread;
  });

  JobActivationRequests(Engine engine) {
    this.engine = engine;
    engine.addListener(this::onEvents);
  }

  /**
   * Activates jobs and calls {@code answer} exactly once: at once when jobs are found or when
   * {@code pollMillis} is negative, otherwise when jobs appear or {@code pollMillis} passes.
   */
  void activate(ActivateJobs command, long pollMillis, Consumer<CommandResult<List<ActivatedJob>>> answer) {
    // Without long polling the first attempt answers, jobs or none.
    var request = new Parked(command, answer, pollMillis < 0);
    if (pollMillis >= 0) {
      parked.computeIfAbsent(command.type(), t -> new ConcurrentLinkedQueue<>()).add(request);
      expiry.schedule(request::expire, pollMillis, TimeUnit.MILLISECONDS);
    }
    request.attempt();
  }

  @Override
  public void close() {
    expiry.shutdownNow();
  }

  private void forget(Parked request) {
    parked.getOrDefault(request.command.type(), new ConcurrentLinkedQueue<>()).remove(request);
  }

  private void onEvents(List<EngineEvent> events) {
    Set<String> types = new HashSet<>();
    for (EngineEvent event : events) {
      if (event instanceof JobEvents.JobCreated created) {
        types.add(created.type());
      } else if (event instanceof JobEvents.JobTimedOut timedOut) {
        types.add(timedOut.type());
      } else if (event instanceof JobEvents.JobRecurred recurred) {
        types.add(recurred.type());
      } else if (event instanceof JobEvents.JobFailed failed && failed.retries() > 0 && failed.retryAt() == 0) {
        types.add(failed.type());
      }
    }
    types.forEach(type -> parked.getOrDefault(type, new ConcurrentLinkedQueue<>()).forEach(Parked::attemptIfIdle));
  }

  /** One activation request, attempted again whenever jobs of its type may be available. */
  private final class Parked {
    private final ActivateJobs command;
    private final Consumer<CommandResult<List<ActivatedJob>>> answer;
    private boolean attempting;
    private boolean retryWanted;
    private boolean expired;
    private boolean answered;

    private Parked(ActivateJobs command, Consumer<CommandResult<List<ActivatedJob>>> answer, boolean expired) {
      this.command = command;
      this.answer = answer;
      this.expired = expired;
    }

    private synchronized void attemptIfIdle() {
      if (answered) {
        return;
      }
      if (attempting) {
        retryWanted = true;
        return;
      }
      attempt();
    }

    private synchronized void attempt() {
      attempting = true;
      retryWanted = false;
      engine.send(command).thenAccept(this::onResult);
    }

    /** The poll time is over: answer now with no jobs, or let the attempt in flight answer. */
    private void expire() {
      synchronized (this) {
        expired = true;
        if (answered || attempting) {
          return;
        }
        answered = true;
      }
      forget(this);
      answer.accept(CommandResult.accepted(List.of()));
    }

    private void onResult(CommandResult<List<ActivatedJob>> result) {
      synchronized (this) {
        attempting = false;
        boolean found = result.isRejected() || !result.value().isEmpty();
        if (answered || (!found && !expired)) {
          if (!answered && retryWanted) {
            attempt();
          }
          return;
        }
        answered = true;
      }
      forget(this);
      answer.accept(result);
    }
  }
}
