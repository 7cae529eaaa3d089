package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.CancelProcessInstance;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.model.ElementType;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.ElementInstance;
import io.jornada.engine.state.EngineState;
import java.util.function.Consumer;

/**
 * Cancels an active process instance: every element in it is terminated, innermost first, and the
 * instance with them. An instance created by a call activity is cancelled only through its root.
 */
final class ProcessInstanceCancelProcessor implements CommandProcessor<CancelProcessInstance, Void> {

  private final EngineState state;
  private final BpmnBehaviors bpmn;

  ProcessInstanceCancelProcessor(EngineState state, BpmnBehaviors bpmn) {
    this.state = state;
    this.bpmn = bpmn;
  }

  @Override
  public void process(CancelProcessInstance command, Consumer<CommandResult<Void>> respond) {
    ElementInstance instance = state.elementInstance(command.processInstanceKey())
        .filter(e -> e.elementType() == ElementType.PROCESS)
        .orElse(null);
    if (instance == null) {
      respond.accept(CommandResult.rejected(Rejection.Type.NOT_FOUND,
          "Expected to cancel a process instance with key '" + command.processInstanceKey() + "', but no such process was found"));
      return;
    }
    if (state.parentProcessInstance(instance.key()).isPresent()) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT,
          "Expected to cancel a process instance with key '" + instance.key() + "', but it is created by a parent process instance."
              + " Cancel the root process instance '" + rootOf(instance.key()) + "' instead."));
      return;
    }
    bpmn.terminate(instance);
    respond.accept(CommandResult.accepted(null));
  }

  private long rootOf(long processInstanceKey) {
    long key = processInstanceKey;
    while (state.parentProcessInstance(key).isPresent()) {
      key = state.parentProcessInstance(key).getAsLong();
    }
    return key;
  }
}
