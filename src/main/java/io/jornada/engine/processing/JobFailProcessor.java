package io.jornada.engine.processing;

import io.jornada.engine.EngineClock;
import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.FailJob;
import io.jornada.engine.event.JobEvents.JobFailed;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Job;
import java.util.function.Consumer;

/**
 * Fails a job: with retries left it comes back (after the back-off); without, an incident is
 * raised. Variables sent with the failure are set locally on the task.
 */
final class JobFailProcessor implements CommandProcessor<FailJob, Void> {

  private final EngineState state;
  private final EventWriter writer;
  private final BpmnBehaviors bpmn;
  private final EngineClock clock;

  JobFailProcessor(EngineState state, EventWriter writer, BpmnBehaviors bpmn, EngineClock clock) {
    this.state = state;
    this.writer = writer;
    this.bpmn = bpmn;
    this.clock = clock;
  }

  @Override
  public void process(FailJob command, Consumer<CommandResult<Void>> respond) {
    var found = JobCommandGuard.find(state, command.jobKey(), "fail", Job.State.ACTIVATED);
    if (found.isRejected()) {
      respond.accept(found.map(j -> null));
      return;
    }
    Job job = found.value();
    TaskVariables.setLocal(writer, job, command.variables());
    String message = command.errorMessage() == null ? "" : command.errorMessage();
    long retryAt = command.retries() > 0 && command.retryBackOffMillis() > 0 ? clock.millis() + command.retryBackOffMillis() : 0;
    writer.write(new JobFailed(job.key(), job.type(), command.retries(), message, retryAt));
    if (command.retries() <= 0) {
      bpmn.incidents().raise(state.elementInstance(job.elementInstanceKey()).orElseThrow(), "JOB_NO_RETRIES",
          message.isEmpty() ? "No more retries left." : message, job.key());
    }
    respond.accept(CommandResult.accepted(null));
  }
}
