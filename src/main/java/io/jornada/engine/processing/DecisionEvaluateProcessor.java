package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.EvaluateDecision;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.command.Results.DecisionEvaluated;
import io.jornada.engine.decision.DecisionEngine;
import io.jornada.engine.event.DeploymentEvents;
import io.jornada.engine.state.DeployedDecision;
import io.jornada.engine.state.EngineState;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Evaluates a deployed decision on its own. A decision that fails to evaluate is still an accepted
 * command: the answer carries the failure, as Camunda's evaluation endpoint does.
 */
final class DecisionEvaluateProcessor implements CommandProcessor<EvaluateDecision, DecisionEvaluated> {

  private final EngineState state;
  private final EventWriter writer;
  private final DecisionEngine decisions;

  DecisionEvaluateProcessor(EngineState state, EventWriter writer, DecisionEngine decisions) {
    this.state = state;
    this.writer = writer;
    this.decisions = decisions;
  }

  @Override
  public void process(EvaluateDecision command, Consumer<CommandResult<DecisionEvaluated>> respond) {
    Optional<DeployedDecision> found =
        command.decisionKey() > 0 ? state.decision(command.decisionKey()) : state.latestDecision(command.decisionId());
    if (found.isEmpty()) {
      respond.accept(CommandResult.rejected(Rejection.Type.NOT_FOUND, command.decisionKey() > 0
          ? "Expected to evaluate decision with key '" + command.decisionKey() + "', but no such decision was found"
          : "Expected to evaluate decision '" + command.decisionId() + "', but no decision found for id '" + command.decisionId() + "'"));
      return;
    }
    DeployedDecision decision = found.get();
    var result = decisions.evaluate(decision.resource(), decision.decisionId(), command.variables() == null ? Map.of() : command.variables());
    long key = state.nextKey();
    writer.write(new DeploymentEvents.DecisionEvaluated(key, decision.key(), result.isFailure()));
    respond.accept(CommandResult.accepted(new DecisionEvaluated(key, decision.key(), decision.decisionId(), decision.name(),
        decision.version(), decision.decisionRequirementsKey(), decision.decisionRequirementsId(), result.value(), result.failure())));
  }
}
