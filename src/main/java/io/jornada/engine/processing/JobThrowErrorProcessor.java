package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.ThrowJobError;
import io.jornada.engine.event.JobEvents.JobErrorThrown;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Job;
import java.util.function.Consumer;

/**
 * Throws a BPMN error from a job: the nearest error catch event for the code takes it, or, when
 * nothing catches it, the task gets an incident.
 */
final class JobThrowErrorProcessor implements CommandProcessor<ThrowJobError, Void> {

  private final EngineState state;
  private final EventWriter writer;
  private final BpmnBehaviors bpmn;

  JobThrowErrorProcessor(EngineState state, EventWriter writer, BpmnBehaviors bpmn) {
    this.state = state;
    this.writer = writer;
    this.bpmn = bpmn;
  }

  @Override
  public void process(ThrowJobError command, Consumer<CommandResult<Void>> respond) {
    var found = JobCommandGuard.find(state, command.jobKey(), "throw an error for", Job.State.ACTIVATED, Job.State.ACTIVATABLE);
    if (found.isRejected()) {
      respond.accept(found.map(j -> null));
      return;
    }
    Job job = found.value();
    TaskVariables.setLocal(writer, job, command.variables());
    String message = command.errorMessage() == null ? "" : command.errorMessage();
    writer.write(new JobErrorThrown(job.key(), command.errorCode(), message));
    bpmn.errors().throwError(state.elementInstance(job.elementInstanceKey()).orElseThrow(), command.errorCode(), message, command.variables(), job.key());
    respond.accept(CommandResult.accepted(null));
  }
}
