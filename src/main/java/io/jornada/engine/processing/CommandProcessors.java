package io.jornada.engine.processing;

import io.jornada.engine.EngineClock;
import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CancelProcessInstance;
import io.jornada.engine.command.Commands.CheckDueDates;
import io.jornada.engine.command.Commands.Command;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.command.Commands.CorrelateMessage;
import io.jornada.engine.command.Commands.CreateProcessInstance;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.EvaluateDecision;
import io.jornada.engine.command.Commands.FailJob;
import io.jornada.engine.command.Commands.PublishMessage;
import io.jornada.engine.command.Commands.ThrowJobError;
import io.jornada.engine.command.Commands.UpdateVariableDocument;
import io.jornada.engine.decision.DecisionEngine;
import io.jornada.engine.model.BpmnTransformer;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.EngineState;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The registry of command processors: one per command type. */
public final class CommandProcessors {

  private final Map<Class<?>, CommandProcessor<?, ?>> processors = new HashMap<>();
  private final BpmnBehaviors bpmn;

  public CommandProcessors(EngineState state, EventWriter writer, BpmnBehaviors bpmn, BpmnTransformer transformer, DecisionEngine decisions, EngineClock clock) {
    this.bpmn = bpmn;
    processors.put(Deploy.class, new DeployProcessor(state, writer, transformer, decisions));
    processors.put(CreateProcessInstance.class, new ProcessInstanceCreateProcessor(state, bpmn));
    processors.put(ActivateJobs.class, new JobBatchActivateProcessor(state, writer, clock));
    processors.put(CompleteJob.class, new JobCompleteProcessor(state, writer, bpmn));
    processors.put(FailJob.class, new JobFailProcessor(state, writer, bpmn, clock));
    processors.put(ThrowJobError.class, new JobThrowErrorProcessor(state, writer, bpmn));
    processors.put(PublishMessage.class, new MessagePublishProcessor(state, writer, bpmn, clock));
    processors.put(CorrelateMessage.class, new MessageCorrelateProcessor(state, bpmn));
    processors.put(EvaluateDecision.class, new DecisionEvaluateProcessor(state, writer, decisions));
    processors.put(CancelProcessInstance.class, new ProcessInstanceCancelProcessor(state, bpmn));
    processors.put(CheckDueDates.class, new DueDateProcessor(state, writer, bpmn, clock));
    processors.put(UpdateVariableDocument.class, new VariableDocumentUpdateProcessor(state, bpmn));
  }

  /** Processes a command and everything that follows from it before the next command. */
  @SuppressWarnings("unchecked")
  public <R> void process(Command<R> command, Consumer<CommandResult<R>> respond) {
    var processor = (CommandProcessor<Command<R>, R>) processors.get(command.getClass());
    processor.process(command, respond);
    bpmn.drain();
  }
}
