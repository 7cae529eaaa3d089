package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.BroadcastSignal;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import java.util.Map;
import java.util.function.Consumer;

/** Broadcasts a signal to every catch event waiting for it and every signal start event of a latest process version. */
final class SignalBroadcastProcessor implements CommandProcessor<BroadcastSignal, Long> {

  private final BpmnBehaviors bpmn;

  SignalBroadcastProcessor(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void process(BroadcastSignal command, Consumer<CommandResult<Long>> respond) {
    if (command.name() == null || command.name().isEmpty()) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT, "Expected a signal name to broadcast, but none was given"));
      return;
    }
    long key = bpmn.signals().broadcast(command.name(), command.variables() == null ? Map.of() : command.variables());
    respond.accept(CommandResult.accepted(key));
  }
}
