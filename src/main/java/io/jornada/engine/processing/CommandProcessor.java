package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.Command;
import java.util.function.Consumer;

/**
 * Processes one kind of command: validates it, writes events, and answers through {@code respond}
 * — at once, or later (an instance created with awaitCompletion answers when it completes).
 */
interface CommandProcessor<C extends Command<R>, R> {

  void process(C command, Consumer<CommandResult<R>> respond);
}
