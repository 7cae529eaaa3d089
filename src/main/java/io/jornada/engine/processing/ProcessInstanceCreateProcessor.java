package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.command.Results.ProcessInstanceCreated;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.DeployedProcess;
import io.jornada.engine.state.EngineState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Creates a process instance at its none start event; with awaitCompletion it answers when the instance completes. */
final class ProcessInstanceCreateProcessor implements CommandProcessor<CreateProcessInstance, ProcessInstanceCreated> {

  private final EngineState state;
  private final BpmnBehaviors bpmn;

  ProcessInstanceCreateProcessor(EngineState state, BpmnBehaviors bpmn) {
    this.state = state;
    this.bpmn = bpmn;
  }

  @Override
  public void process(CreateProcessInstance command, Consumer<CommandResult<ProcessInstanceCreated>> respond) {
    Optional<DeployedProcess> found =
        command.processDefinitionKey() > 0
            ? state.process(command.processDefinitionKey())
            : state.process(command.bpmnProcessId(), command.version());
    if (found.isEmpty()) {
      respond.accept(CommandResult.rejected(Rejection.Type.NOT_FOUND, command.processDefinitionKey() > 0
          ? "Expected to find process definition with key '" + command.processDefinitionKey() + "', but none found"
          : "Expected to find process definition with process ID '" + command.bpmnProcessId() + "'"
              + (command.version() < 0 ? "" : " and version '" + command.version() + "'") + ", but none found"));
      return;
    }
    DeployedProcess process = found.get();
    if (process.process().noneStartEvent() == null) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT,
          "Expected to create instance of process with none start event, but there is no such event in process '" + process.bpmnProcessId() + "'"));
      return;
    }
    Map<String, Object> variables = command.variables() == null ? Map.of() : command.variables();
    long key = bpmn.createInstance(process, process.process().noneStartEvent(), variables, -1, null);
    if (!command.awaitCompletion()) {
      respond.accept(CommandResult.accepted(new ProcessInstanceCreated(key, process.key(), process.bpmnProcessId(), process.version(), Map.of())));
      return;
    }
    bpmn.awaitCompletion(key, result -> respond.accept(CommandResult.accepted(
        new ProcessInstanceCreated(key, process.key(), process.bpmnProcessId(), process.version(), fetch(result, command)))));
  }

  private static Map<String, Object> fetch(Map<String, Object> variables, CreateProcessInstance command) {
    if (command.fetchVariables() == null || command.fetchVariables().isEmpty()) {
      return variables;
    }
    Map<String, Object> fetched = new HashMap<>();
    command.fetchVariables().stream().filter(variables::containsKey).forEach(name -> fetched.put(name, variables.get(name)));
    return fetched;
  }
}
