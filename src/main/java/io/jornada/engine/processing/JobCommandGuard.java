package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Job;
import java.util.Optional;

/** The checks shared by job commands: the job exists and is in a state that allows the command. */
final class JobCommandGuard {

  private JobCommandGuard() {}

  /** The job, or the rejection to answer with. */
  static CommandResult<Job> find(EngineState state, long jobKey, String action, Job.State... allowed) {
    Optional<Job> job = state.job(jobKey);
    if (job.isEmpty()) {
      return CommandResult.rejected(Rejection.Type.NOT_FOUND,
          "Expected to " + action + " job with key '" + jobKey + "', but no such job was found");
    }
    for (Job.State s : allowed) {
      if (job.get().state() == s) {
        return CommandResult.accepted(job.get());
      }
    }
    return CommandResult.rejected(Rejection.Type.INVALID_STATE,
        "Expected to " + action + " job with key '" + jobKey + "', but it is in state '" + job.get().state() + "'");
  }
}
