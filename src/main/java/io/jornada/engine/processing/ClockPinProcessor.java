package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.PinClock;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.event.ClockEvents.ClockPinned;
import java.util.function.Consumer;

/** Pins the clock. What is due by the pinned moment fires on the next due-date check, which the engine runs at once. */
final class ClockPinProcessor implements CommandProcessor<PinClock, Void> {

  private final EventWriter writer;

  ClockPinProcessor(EventWriter writer) {
    this.writer = writer;
  }

  @Override
  public void process(PinClock command, Consumer<CommandResult<Void>> respond) {
    if (command.epochMillis() < 0) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT,
          "Expected to pin the clock to a non-negative timestamp, but was " + command.epochMillis()));
      return;
    }
    writer.write(new ClockPinned(command.epochMillis()));
    respond.accept(CommandResult.accepted(null));
  }
}
