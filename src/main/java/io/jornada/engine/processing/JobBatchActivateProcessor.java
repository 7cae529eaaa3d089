package io.jornada.engine.processing;

import io.jornada.engine.EngineClock;
import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.command.Results.ActivatedJob;
import io.jornada.engine.event.JobEvents.JobActivated;
import io.jornada.engine.state.ElementInstance;
import io.jornada.engine.state.EngineState;
import io.jornada.engine.state.Job;
import io.jornada.engine.state.ProcessInstanceSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Activates up to {@code maxJobs} activatable jobs of a type, oldest first, for one worker. */
final class JobBatchActivateProcessor implements CommandProcessor<ActivateJobs, List<ActivatedJob>> {

  private final EngineState state;
  private final EventWriter writer;
  private final EngineClock clock;

  JobBatchActivateProcessor(EngineState state, EventWriter writer, EngineClock clock) {
    this.state = state;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public void process(ActivateJobs command, Consumer<CommandResult<List<ActivatedJob>>> respond) {
    if (command.type() == null || command.type().isBlank()) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT, "Expected to activate jobs of a type, but no type was given"));
      return;
    }
    if (command.maxJobs() < 1 || command.timeoutMillis() < 1) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT,
          "Expected maxJobsToActivate and timeout to be greater than zero, but they were " + command.maxJobs() + " and " + command.timeoutMillis()));
      return;
    }
    long deadline = clock.millis() + command.timeoutMillis();
    List<Long> keys = state.activatableJobs(command.type()).stream().limit(command.maxJobs()).toList();
    List<ActivatedJob> activated = new ArrayList<>(keys.size());
    for (long key : keys) {
      writer.write(new JobActivated(key, command.worker(), deadline));
      activated.add(describe(state.job(key).orElseThrow(), command.fetchVariables()));
    }
    respond.accept(CommandResult.accepted(activated));
  }

  private ActivatedJob describe(Job job, List<String> fetchVariables) {
    ElementInstance element = state.elementInstance(job.elementInstanceKey()).orElseThrow();
    ProcessInstanceSummary instance = state.instance(job.processInstanceKey()).orElseThrow();
    Map<String, Object> visible = state.visibleVariables(job.elementInstanceKey());
    Map<String, Object> variables;
    if (fetchVariables == null || fetchVariables.isEmpty()) {
      variables = visible;
    } else {
      variables = new HashMap<>();
      fetchVariables.stream().filter(visible::containsKey).forEach(name -> variables.put(name, visible.get(name)));
    }
    return new ActivatedJob(job.key(), job.type(), job.processInstanceKey(), instance.bpmnProcessId(), instance.version(),
        instance.processDefinitionKey(), element.elementId(), element.key(), job.customHeaders(), job.worker(), job.retries(), job.deadline(), variables);
  }
}
