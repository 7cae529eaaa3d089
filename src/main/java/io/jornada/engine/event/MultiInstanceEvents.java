package io.jornada.engine.event;

/** Events of multi-instance bodies. */
public final class MultiInstanceEvents {

  private MultiInstanceEvents() {}

  /** How many inner instances a multi-instance body has in all, and how many of them completed. */
  public record MultiInstanceProgressed(long bodyKey, int numberOfInstances, int numberOfCompletedInstances)
      implements EngineEvent {}
}
