package io.jornada.engine.command;

import java.util.List;
import java.util.Map;

/** What accepted commands answer. */
public final class Results {

  private Results() {}

  public record Deployment(long deploymentKey, List<ProcessMetadata> processes, List<DecisionMetadata> decisions, List<DecisionRequirementsMetadata> decisionRequirements) {}

  public record ProcessMetadata(long processDefinitionKey, String bpmnProcessId, int version, String resourceName) {}

  public record DecisionMetadata(long decisionKey, String decisionId, String name, int version, long decisionRequirementsKey, String decisionRequirementsId) {}

  public record DecisionRequirementsMetadata(long decisionRequirementsKey, String decisionRequirementsId, String name, int version, String resourceName) {}

  /** {@code variables} are only filled when the creation awaited completion. */
  public record ProcessInstanceCreated(long processInstanceKey, long processDefinitionKey, String bpmnProcessId, int version, Map<String, Object> variables) {}

  public record ActivatedJob(
      long jobKey,
      String type,
      long processInstanceKey,
      String bpmnProcessId,
      int processDefinitionVersion,
      long processDefinitionKey,
      String elementId,
      long elementInstanceKey,
      Map<String, String> customHeaders,
      String worker,
      int retries,
      long deadline,
      Map<String, Object> variables) {}

  public record MessageCorrelated(long messageKey, long processInstanceKey) {}

  /** A decision's output, or the failure that stopped its evaluation ({@code failureMessage} then set). */
  public record DecisionEvaluated(
      long evaluationKey,
      long decisionKey,
      String decisionId,
      String decisionName,
      int version,
      long decisionRequirementsKey,
      String decisionRequirementsId,
      Object output,
      String failureMessage) {}
}
