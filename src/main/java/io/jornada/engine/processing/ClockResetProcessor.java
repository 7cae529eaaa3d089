package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.ResetClock;
import io.jornada.engine.event.ClockEvents.ClockReset;
import java.util.function.Consumer;

/** Lets the clock follow the system clock again. */
final class ClockResetProcessor implements CommandProcessor<ResetClock, Void> {

  private final EventWriter writer;

  ClockResetProcessor(EventWriter writer) {
    this.writer = writer;
  }

  @Override
  public void process(ResetClock command, Consumer<CommandResult<Void>> respond) {
    writer.write(new ClockReset());
    respond.accept(CommandResult.accepted(null));
  }
}
