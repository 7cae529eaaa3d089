package io.jornada.engine.command;

import java.util.List;
import java.util.Map;

/** The commands the engine accepts from outside, one record per command. */
public final class Commands {

  private Commands() {}

  /** A command the engine processes in order on its writer thread. */
  public sealed interface Command<R>
      permits Deploy, CreateProcessInstance, ActivateJobs, CompleteJob, FailJob, ThrowJobError, PublishMessage, CorrelateMessage,
          EvaluateDecision, CheckDueDates, CancelProcessInstance, UpdateVariableDocument {}

  /** One resource of a deployment. */
  public record Resource(String name, byte[] content) {}

  public record Deploy(List<Resource> resources) implements Command<Results.Deployment> {
    public Deploy {
      resources = List.copyOf(resources);
    }
  }

  /**
   * Starts an instance at the none start event, by process definition key, or by process id and
   * version (-1 for the latest).
   */
  public record CreateProcessInstance(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      Map<String, Object> variables,
      boolean awaitCompletion,
      List<String> fetchVariables)
      implements Command<Results.ProcessInstanceCreated> {}

  public record ActivateJobs(String type, String worker, long timeoutMillis, int maxJobs, List<String> fetchVariables)
      implements Command<List<Results.ActivatedJob>> {}

  public record CompleteJob(long jobKey, Map<String, Object> variables) implements Command<Void> {}

  public record FailJob(long jobKey, int retries, String errorMessage, long retryBackOffMillis, Map<String, Object> variables)
      implements Command<Void> {}

  public record ThrowJobError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables)
      implements Command<Void> {}

  public record PublishMessage(String name, String correlationKey, long timeToLiveMillis, String messageId, Map<String, Object> variables)
      implements Command<Long> {}

  public record CorrelateMessage(String name, String correlationKey, Map<String, Object> variables)
      implements Command<Results.MessageCorrelated> {}

  /** Terminates a process instance and everything active in it. */
  public record CancelProcessInstance(long processInstanceKey) implements Command<Void> {}

  /**
   * Sets variables from outside on an active element instance (or process instance): {@code local}
   * sets them on that scope; otherwise each goes to the nearest scope from there outwards that
   * defines it, else to the process instance.
   */
  public record UpdateVariableDocument(long elementInstanceKey, Map<String, Object> variables, boolean local)
      implements Command<Void> {}

  /** Evaluates the latest version of a decision by id, or a decision by key. */
  public record EvaluateDecision(String decisionId, long decisionKey, Map<String, Object> variables)
      implements Command<Results.DecisionEvaluated> {}

  /** Fires due timers, times out jobs, ends back-offs and expires messages. Sent by the engine's own scheduler. */
  public record CheckDueDates() implements Command<Void> {}
}
