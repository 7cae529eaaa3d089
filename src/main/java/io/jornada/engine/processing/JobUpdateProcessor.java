package io.jornada.engine.processing;

import io.jornada.engine.EngineClock;
import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.UpdateJob;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.event.JobEvents.JobRetriesUpdated;
import io.jornada.engine.event.JobEvents.JobTimeoutUpdated;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Job;
import java.util.function.Consumer;

/**
 * Changes a job's retries (at least 1; a failed job stays failed until its incident is resolved)
 * and the timeout of its activation (from now; only while it is activated). All or nothing.
 */
final class JobUpdateProcessor implements CommandProcessor<UpdateJob, Void> {

  private final EngineState state;
  private final EventWriter writer;
  private final EngineClock clock;

  JobUpdateProcessor(EngineState state, EventWriter writer, EngineClock clock) {
    this.state = state;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public void process(UpdateJob command, Consumer<CommandResult<Void>> respond) {
    var found = JobCommandGuard.find(state, command.jobKey(), "update", Job.State.values());
    if (found.isRejected()) {
      respond.accept(found.map(j -> null));
      return;
    }
    Job job = found.value();
    if (command.retries() != null && command.retries() < 1) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT, "Expected to update retries for job with key '" + job.key()
          + "' with a positive amount of retries, but the amount given was '" + command.retries() + "'"));
      return;
    }
    if (command.timeoutMillis() != null && command.timeoutMillis() < 0) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT, "Expected to update the timeout of job with key '" + job.key()
          + "' with a timeout of zero or more milliseconds, but the timeout given was '" + command.timeoutMillis() + "'"));
      return;
    }
    if (command.timeoutMillis() != null && job.state() != Job.State.ACTIVATED) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_STATE, "Expected to update the timeout of job with key '" + job.key()
          + "', but it is not activated (it is in state '" + job.state() + "')"));
      return;
    }
    if (command.retries() != null) {
      writer.write(new JobRetriesUpdated(job.key(), command.retries()));
    }
    if (command.timeoutMillis() != null) {
      writer.write(new JobTimeoutUpdated(job.key(), clock.millis() + command.timeoutMillis()));
    }
    respond.accept(CommandResult.accepted(null));
  }
}
