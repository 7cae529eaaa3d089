package io.jornada.engine.processing;

import io.jornada.engine.EngineClock;
import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.CheckDueDates;
import io.jornada.engine.event.JobEvents.JobRecurred;
import io.jornada.engine.event.JobEvents.JobTimedOut;
import io.jornada.engine.event.MessageEvents.MessageExpired;
import io.jornada.engine.event.TimerEvents.TimerTriggered;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.processing.bpmn.EventTrigger;
import io.jornada.engine.state.EngineState;
import java.util.Map;
import java.util.function.Consumer;

/** Everything whose time has come: timers fire, job deadlines and back-offs end, messages expire. */
final class DueDateProcessor implements CommandProcessor<CheckDueDates, Void> {

  private final EngineState state;
  private final EventWriter writer;
  private final BpmnBehaviors bpmn;
  private final EngineClock clock;

  DueDateProcessor(EngineState state, EventWriter writer, BpmnBehaviors bpmn, EngineClock clock) {
    this.state = state;
    this.writer = writer;
    this.bpmn = bpmn;
    this.clock = clock;
  }

  @Override
  public void process(CheckDueDates command, Consumer<CommandResult<Void>> respond) {
    long now = clock.millis();
    for (long key : state.timersDue(now)) {
      var timer = state.timer(key).orElseThrow();
      writer.write(new TimerTriggered(key));
      bpmn.events().repeat(timer);
      bpmn.triggerEvent(timer.elementInstanceKey(), new EventTrigger(timer.targetElementId(), Map.of()));
    }
    for (long key : state.startTimersDue(now)) {
      bpmn.timerStarts().trigger(key);
    }
    for (long key : state.jobsTimedOut(now)) {
      writer.write(new JobTimedOut(key, state.job(key).orElseThrow().type()));
    }
    for (long key : state.jobsToRecur(now)) {
      writer.write(new JobRecurred(key, state.job(key).orElseThrow().type()));
    }
    for (long key : state.messagesExpired(now)) {
      writer.write(new MessageExpired(key));
    }
    respond.accept(CommandResult.accepted(null));
  }
}
