package io.jornada.engine.event;

import java.util.Map;

/** Events of jobs, the work items of service tasks. */
public final class JobEvents {

  private JobEvents() {}

  public record JobCreated(
      long jobKey,
      long elementInstanceKey,
      long processInstanceKey,
      String type,
      int retries,
      Map<String, String> customHeaders)
      implements EngineEvent {

    public JobCreated {
      customHeaders = Map.copyOf(customHeaders);
    }
  }

  public record JobActivated(long jobKey, String worker, long deadline) implements EngineEvent {}

  public record JobCompleted(long jobKey) implements EngineEvent {}

  /** A failure; with retries left the job comes back at {@code retryAt} (0 = at once). */
  public record JobFailed(long jobKey, String type, int retries, String errorMessage, long retryAt) implements EngineEvent {}

  /** The retry back-off of a failed job elapsed; it is activatable again. */
  public record JobRecurred(long jobKey, String type) implements EngineEvent {}

  /** An activated job's deadline passed before it was completed; it is activatable again. */
  public record JobTimedOut(long jobKey, String type) implements EngineEvent {}

  public record JobCanceled(long jobKey) implements EngineEvent {}

  /** The job's retries were set (PATCH); a failed job stays failed until its incident is resolved. */
  public record JobRetriesUpdated(long jobKey, int retries) implements EngineEvent {}

  /** The activated job's deadline was moved (PATCH with a new timeout, counted from now). */
  public record JobTimeoutUpdated(long jobKey, long deadline) implements EngineEvent {}

  public record JobErrorThrown(long jobKey, String errorCode, String errorMessage) implements EngineEvent {}
}
