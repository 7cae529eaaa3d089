package io.jornada.engine.event;

/** Events that link a process instance to the call activity that created it. */
public final class CallActivityEvents {

  private CallActivityEvents() {}

  /**
   * A call activity created this (child) process instance: written right after the child's
   * {@code ElementActivated} of its process, it carries the parent process instance and the call
   * activity instance that the REST API shows as {@code parentProcessInstanceKey} and {@code
   * parentElementInstanceKey}.
   */
  public record ProcessInstanceCalled(long processInstanceKey, long parentProcessInstanceKey, long parentElementInstanceKey)
      implements EngineEvent {}
}
