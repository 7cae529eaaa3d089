package io.jornada.engine.processing;

import io.jornada.engine.command.CommandResult;
import io.jornada.engine.command.Commands.Deploy;
import io.jornada.engine.command.Commands.Resource;
import io.jornada.engine.command.Rejection;
import io.jornada.engine.command.Results;
import io.jornada.engine.decision.DecisionEngine;
import io.jornada.engine.event.DeploymentEvents.Decision;
import io.jornada.engine.event.DeploymentEvents.DecisionsDeployed;
import io.jornada.engine.event.DeploymentEvents.ProcessDeployed;
import io.jornada.engine.model.BpmnTransformer;
import io.jornada.engine.model.ExecutableProcess;
import io.jornada.engine.processing.bpmn.BpmnBehaviors;
import io.jornada.engine.state.DeployedProcess;
import io.jornada.engine.state.EngineState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Deploys BPMN and DMN resources, all or nothing. A resource identical to the latest version is
 * not deployed again: its existing version is answered, as Zeebe does. A new process version
 * schedules its timer start events and cancels those of the version before.
 */
final class DeployProcessor implements CommandProcessor<Deploy, Results.Deployment> {

  private final EngineState state;
  private final EventWriter writer;
  private final BpmnTransformer transformer;
  private final DecisionEngine decisions;
  private final BpmnBehaviors bpmn;

  DeployProcessor(EngineState state, EventWriter writer, BpmnTransformer transformer, DecisionEngine decisions, BpmnBehaviors bpmn) {
    this.state = state;
    this.writer = writer;
    this.transformer = transformer;
    this.decisions = decisions;
    this.bpmn = bpmn;
  }

  @Override
  public void process(Deploy command, Consumer<CommandResult<Results.Deployment>> respond) {
    if (command.resources().isEmpty()) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT, "Expected to deploy at least one resource, but none given"));
      return;
    }
    List<String> errors = new ArrayList<>();
    List<Parsed> parsed = new ArrayList<>();
    for (Resource resource : command.resources()) {
      String name = resource.name() == null ? "" : resource.name();
      if (name.endsWith(".bpmn") || name.endsWith(".xml")) {
        var result = transformer.transform(name, resource.content());
        errors.addAll(result.errors().stream().map(e -> "'" + name + "': " + e).toList());
        result.processes().forEach(p -> {
          errors.addAll(bpmn.timerStarts().check(p).stream().map(e -> "'" + name + "': " + e).toList());
          parsed.add(new Parsed(resource, p, null));
        });
      } else if (name.endsWith(".dmn")) {
        var result = decisions.parse(name, resource.content());
        if (result.isFailure()) {
          errors.add(result.failure());
        } else {
          parsed.add(new Parsed(resource, null, result));
        }
      } else {
        errors.add("'" + name + "': expected a .bpmn or .dmn resource");
      }
    }
    if (!errors.isEmpty()) {
      respond.accept(CommandResult.rejected(Rejection.Type.INVALID_ARGUMENT,
          "Expected to deploy new resources, but encountered the following errors:\n" + String.join("\n", errors)));
      return;
    }
    long deploymentKey = state.nextKey();
    var processes = new ArrayList<Results.ProcessMetadata>();
    var decisionResults = new ArrayList<Results.DecisionMetadata>();
    var drgResults = new ArrayList<Results.DecisionRequirementsMetadata>();
    for (Parsed p : parsed) {
      if (p.process() != null) {
        processes.add(deployProcess(p.resource(), p.process(), deploymentKey));
      } else {
        deployDecisions(p.resource(), p.dmn(), deploymentKey, decisionResults, drgResults);
      }
    }
    respond.accept(CommandResult.accepted(new Results.Deployment(deploymentKey, processes, decisionResults, drgResults)));
  }

  private Results.ProcessMetadata deployProcess(Resource resource, ExecutableProcess process, long deploymentKey) {
    Optional<DeployedProcess> latest = state.process(process.bpmnProcessId(), -1);
    if (latest.isPresent() && Arrays.equals(latest.get().xml(), resource.content())) {
      var existing = latest.get();
      return new Results.ProcessMetadata(existing.key(), existing.bpmnProcessId(), existing.version(), existing.resourceName());
    }
    long key = state.nextKey();
    int version = state.nextProcessVersion(process.bpmnProcessId());
    writer.write(new ProcessDeployed(key, process.bpmnProcessId(), version, resource.name(), deploymentKey, resource.content()));
    bpmn.timerStarts().deployed(state.process(key).orElseThrow());
    return new Results.ProcessMetadata(key, process.bpmnProcessId(), version, resource.name());
  }

  private void deployDecisions(Resource resource, DecisionEngine.Parsed dmn, long deploymentKey,
      List<Results.DecisionMetadata> decisionResults, List<Results.DecisionRequirementsMetadata> drgResults) {
    var latest = state.latestDecisionRequirements(dmn.drgId());
    if (latest.isPresent() && Arrays.equals(latest.get().xml(), resource.content())) {
      report(latest.get(), decisionResults, drgResults);
      return;
    }
    long drgKey = state.nextKey();
    int drgVersion = state.nextDecisionRequirementsVersion(dmn.drgId());
    List<Decision> deployed = new ArrayList<>();
    for (var decision : dmn.decisions()) {
      deployed.add(new Decision(state.nextKey(), decision.id(), decision.name(), state.nextDecisionVersion(decision.id())));
    }
    var event = new DecisionsDeployed(drgKey, dmn.drgId(), dmn.drgName(), drgVersion, resource.name(), deploymentKey, resource.content(), deployed);
    writer.write(event);
    report(event, decisionResults, drgResults);
  }

  private static void report(DecisionsDeployed event, List<Results.DecisionMetadata> decisionResults, List<Results.DecisionRequirementsMetadata> drgResults) {
    drgResults.add(new Results.DecisionRequirementsMetadata(event.decisionRequirementsKey(), event.decisionRequirementsId(), event.decisionRequirementsName(), event.version(), event.resourceName()));
    for (Decision d : event.decisions()) {
      decisionResults.add(new Results.DecisionMetadata(d.decisionKey(), d.decisionId(), d.name(), d.version(), event.decisionRequirementsKey(), event.decisionRequirementsId()));
    }
  }

  private record Parsed(Resource resource, ExecutableProcess process, DecisionEngine.Parsed dmn) {}
}
