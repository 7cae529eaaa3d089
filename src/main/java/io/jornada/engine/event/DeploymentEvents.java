package io.jornada.engine.event;

import java.util.List;

/** Events of deployments. Resources carry their XML so that replay can rebuild the models. */
public final class DeploymentEvents {

  private DeploymentEvents() {}

  public record ProcessDeployed(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String resourceName,
      long deploymentKey,
      byte[] xml)
      implements EngineEvent {}

  public record DecisionsDeployed(
      long decisionRequirementsKey,
      String decisionRequirementsId,
      String decisionRequirementsName,
      int version,
      String resourceName,
      long deploymentKey,
      byte[] xml,
      List<Decision> decisions)
      implements EngineEvent {

    public DecisionsDeployed {
      decisions = List.copyOf(decisions);
    }
  }

  /** A decision was evaluated on its own (not from a process); the record of it, under its key. */
  public record DecisionEvaluated(long evaluationKey, long decisionKey, boolean failed) implements EngineEvent {}

  /** One decision of a deployed decision requirements graph. */
  public record Decision(long decisionKey, String decisionId, String name, int version) {}
}
