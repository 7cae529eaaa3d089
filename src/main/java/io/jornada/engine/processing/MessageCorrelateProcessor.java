package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.CorrelateMessage;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.command.Results.MessageCorrelated;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.DeployedProcess;
import io.jornada.engine.state.EngineState;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Correlates a message to one process instance and answers with it: a message start event is
 * preferred over a waiting instance, and nothing is buffered when nothing matches.
 */
final class MessageCorrelateProcessor implements CommandProcessor<CorrelateMessage, MessageCorrelated> {

  private final EngineState state;
  private final BpmnBehaviors bpmn;

  MessageCorrelateProcessor(EngineState state, BpmnBehaviors bpmn) {
    this.state = state;
    this.bpmn = bpmn;
  }

  @Override
  public void process(CorrelateMessage command, Consumer<CommandResult<MessageCorrelated>> respond) {
    if (command.name() == null || command.name().isBlank()) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT, "Expected a message name, but none was given"));
      return;
    }
    String correlationKey = command.correlationKey() == null ? "" : command.correlationKey();
    Map<String, Object> variables = command.variables() == null ? Map.of() : command.variables();
    long messageKey = state.nextKey();
    for (DeployedProcess process : state.latestProcesses()) {
      for (ExecutableElement start : process.process().messageStartEvents()) {
        if (start.message().name().equals(command.name())) {
          long instance = bpmn.events().startByMessage(process, start, messageKey, correlationKey, variables);
          if (instance >= 0) {
            respond.accept(CommandResult.accepted(new MessageCorrelated(messageKey, instance)));
            return;
          }
        }
      }
    }
    var subscriptions = state.openSubscriptions(command.name(), correlationKey);
    if (subscriptions.isEmpty()) {
      respond.accept(CommandResult.rejected(Rejection.Type.NOT_FOUND,
          "Expected to find subscription for message with name '" + command.name() + "' and correlation key '" + correlationKey + "', but none was found."));
      return;
    }
    var subscription = subscriptions.get(0);
    bpmn.events().correlate(subscription, messageKey, variables);
    respond.accept(CommandResult.accepted(new MessageCorrelated(messageKey, subscription.processInstanceKey())));
  }
}
