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
import java.util.function.Consumer;

/**
 * Long polling for job activation: a request that finds no job is parked until a job of its type
 * becomes activatable or its request timeout passes. The engine tells which types became
 * activatable through its event stream; parked requests of those types then try again.
 */
final class JobActivationRequests {

  private final Engine engine;
  private final Map<String, ConcurrentLinkedQueue<Parked>> parked = new ConcurrentHashMap<>();

  JobActivationRequests(Engine engine) {
    this.engine = engine;
    engine.addListener(this::onEvents);
  }

  /**
   * Activates jobs; answers at once when some are found or when {@code longPoll} is false,
   * otherwise parks the request. {@code answer} is called exactly once unless {@link #cancel} wins.
   */
  Parked activate(ActivateJobs command, boolean longPoll, Consumer<CommandResult<List<ActivatedJob>>> answer) {
    var request = new Parked(command, longPoll, answer);
    if (longPoll) {
      parked.computeIfAbsent(command.type(), t -> new ConcurrentLinkedQueue<>()).add(request);
    }
    request.attempt();
    return request;
  }

  /** Ends a parked request (its timeout passed); returns false if it was already answered. */
  boolean cancel(Parked request) {
    boolean open = request.close();
    queue(request.command.type()).remove(request);
    return open;
  }

  private ConcurrentLinkedQueue<Parked> queue(String type) {
    return parked.getOrDefault(type, new ConcurrentLinkedQueue<>());
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
    types.forEach(type -> queue(type).forEach(Parked::notifyJobsAvailable));
  }

  /** One activation request, attempted again whenever jobs of its type may be available. */
  final class Parked {
    private final ActivateJobs command;
    private final boolean longPoll;
    private final Consumer<CommandResult<List<ActivatedJob>>> answer;
    private boolean attempting;
    private boolean notified;
    private boolean done;

    private Parked(ActivateJobs command, boolean longPoll, Consumer<CommandResult<List<ActivatedJob>>> answer) {
      this.command = command;
      this.longPoll = longPoll;
      this.answer = answer;
    }

    private synchronized void notifyJobsAvailable() {
      if (done) {
        return;
      }
      if (attempting) {
        notified = true;
        return;
      }
      attempt();
    }

    private synchronized void attempt() {
      attempting = true;
      notified = false;
      engine.send(command).thenAccept(this::onResult);
    }

    private void onResult(CommandResult<List<ActivatedJob>> result) {
      synchronized (this) {
        attempting = false;
        boolean answerNow = done || result.isRejected() || !result.value().isEmpty() || !longPoll;
        if (!answerNow) {
          if (notified) {
            attempt();
          }
          return;
        }
        if (done) {
          return;
        }
        done = true;
      }
      queue(command.type()).remove(this);
      answer.accept(result);
    }

    private synchronized boolean close() {
      boolean wasOpen = !done;
      done = true;
      return wasOpen;
    }
  }
}
