package io.jornada.engine.processing;

import io.jornada.engine.EngineClock;
import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.PublishMessage;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.event.MessageEvents.MessageExpired;
import io.jornada.engine.event.MessageEvents.MessagePublished;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.EngineState;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Publishes a message: it correlates to every waiting process and message start event it matches
 * (once per process id) and stays buffered for its time to live; with TTL 0 it is gone at once.
 */
final class MessagePublishProcessor implements CommandProcessor<PublishMessage, Long> {

  private final EngineState state;
  private final EventWriter writer;
  private final BpmnBehaviors bpmn;
  private final EngineClock clock;

  MessagePublishProcessor(EngineState state, EventWriter writer, BpmnBehaviors bpmn, EngineClock clock) {
    this.state = state;
    this.writer = writer;
    this.bpmn = bpmn;
    this.clock = clock;
  }

  @Override
  public void process(PublishMessage command, Consumer<CommandResult<Long>> respond) {
    if (command.name() == null || command.name().isBlank()) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT, "Expected a message name, but none was given"));
      return;
    }
    String correlationKey = command.correlationKey() == null ? "" : command.correlationKey();
    String messageId = command.messageId() == null ? "" : command.messageId();
    if (!messageId.isEmpty() && state.messageIdBuffered(command.name(), correlationKey, messageId)) {
      respond.accept(CommandResult.rejected(Rejection.Type.ALREADY_EXISTS,
          "Expected to publish a new message with id '" + messageId + "', but a message with that id was already published"));
      return;
    }
    long key = state.nextKey();
    long ttl = Math.max(0, command.timeToLiveMillis());
    Map<String, Object> variables = command.variables() == null ? Map.of() : command.variables();
    writer.write(new MessagePublished(key, command.name(), correlationKey, clock.millis() + ttl, messageId, variables));
    bpmn.events().correlatePublished(state.message(key).orElseThrow());
    if (ttl == 0) {
      writer.write(new MessageExpired(key));
    }
    respond.accept(CommandResult.accepted(key));
  }
}
