package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.ResolveIncident;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.event.IncidentEvents.IncidentResolved;
import io.jornada.engine.event.JobEvents.JobRecurred;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Incident;
import io.jornada.engine.state.Job;
import java.util.function.Consumer;

/**
 * Resolves an incident. A job incident needs the job's retries raised first; the job then becomes
 * activatable again. An element incident retries the step that failed; if the problem is still
 * there, that raises a new incident.
 */
final class IncidentResolveProcessor implements CommandProcessor<ResolveIncident, Void> {

  private final EngineState state;
  private final EventWriter writer;
  private final BpmnBehaviors bpmn;

  IncidentResolveProcessor(EngineState state, EventWriter writer, BpmnBehaviors bpmn) {
    this.state = state;
    this.writer = writer;
    this.bpmn = bpmn;
  }

  @Override
  public void process(ResolveIncident command, Consumer<CommandResult<Void>> respond) {
    var found = state.incident(command.incidentKey());
    if (found.isEmpty()) {
      respond.accept(CommandResult.rejected(Rejection.Type.NOT_FOUND,
          "Expected to resolve incident with key '" + command.incidentKey() + "', but no such incident was found"));
      return;
    }
    Incident incident = found.get();
    Job job = incident.jobKey() < 0 ? null : state.job(incident.jobKey()).orElse(null);
    if (job != null && job.retries() <= 0) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_STATE, "Expected to resolve incident with key '" + incident.key()
          + "', but job with key '" + job.key() + "' has no retries left; update its retries first"));
      return;
    }
    writer.write(new IncidentResolved(incident.key()));
    if (job != null) {
      writer.write(new JobRecurred(job.key(), job.type()));
    } else {
      bpmn.retryAfterIncident(incident.elementInstanceKey(), incident.onCompletion());
    }
    respond.accept(CommandResult.accepted(null));
  }
}
