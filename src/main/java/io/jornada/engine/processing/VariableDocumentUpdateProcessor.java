package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.UpdateVariableDocument;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.EngineState;
import java.util.function.Consumer;

/** Sets variables on an active element instance or process instance, locally or propagated to where they are defined. */
final class VariableDocumentUpdateProcessor implements CommandProcessor<UpdateVariableDocument, Void> {

  private final EngineState state;
  private final BpmnBehaviors bpmn;

  VariableDocumentUpdateProcessor(EngineState state, BpmnBehaviors bpmn) {
    this.state = state;
    this.bpmn = bpmn;
  }

  @Override
  public void process(UpdateVariableDocument command, Consumer<CommandResult<Void>> respond) {
    var scope = state.elementInstance(command.elementInstanceKey());
    if (scope.isEmpty()) {
      respond.accept(CommandResult.rejected(Rejection.Type.NOT_FOUND,
          "Expected to update variables for element with key '" + command.elementInstanceKey() + "', but no such element was found"));
      return;
    }
    bpmn.setVariables(scope.get(), command.variables(), command.local());
    respond.accept(CommandResult.accepted(null));
  }
}
