package io.jornada.engine.event;

/**
 * Facts that only a snapshot needs to state: a snapshot is the current state written as the
 * events that rebuild it, and these two facts have no other event that carries them alone.
 */
public final class SnapshotEvents {

  private SnapshotEvents() {}

  /** A buffered message was already correlated to this process id (it correlates once per process id). */
  public record MessageSpent(long messageKey, String bpmnProcessId) implements EngineEvent {}

  /** Every key below {@code nextKey} was issued; keys never repeat. */
  public record KeysIssued(long nextKey) implements EngineEvent {}
}
