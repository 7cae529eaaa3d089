package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.event.JobEvents.JobCompleted;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Job;
import java.util.Map;
import java.util.function.Consumer;

/** Completes a job; its task then takes the variables and moves on. */
final class JobCompleteProcessor implements CommandProcessor<CompleteJob, Void> {

  private final EngineState state;
  private final EventWriter writer;
  private final BpmnBehaviors bpmn;

  JobCompleteProcessor(EngineState state, EventWriter writer, BpmnBehaviors bpmn) {
    this.state = state;
    this.writer = writer;
    this.bpmn = bpmn;
  }

  @Override
  public void process(CompleteJob command, Consumer<CommandResult<Void>> respond) {
    var found = JobCommandGuard.find(state, command.jobKey(), "complete", Job.State.ACTIVATED, Job.State.ACTIVATABLE);
    if (found.isRejected()) {
      respond.accept(found.map(j -> null));
      return;
    }
    Job job = found.value();
    writer.write(new JobCompleted(job.key()));
    bpmn.onJobCompleted(job.elementInstanceKey(), command.variables() == null ? Map.of() : command.variables());
    respond.accept(CommandResult.accepted(null));
  }
}
