package io.jornada.engine.event;

/** Events of incidents: problems an operator must look at. {@code jobKey} is -1 when no job is involved. */
public final class IncidentEvents {

  private IncidentEvents() {}

  public record IncidentCreated(
      long incidentKey,
      long processInstanceKey,
      long elementInstanceKey,
      String elementId,
      String errorType,
      String errorMessage,
      long jobKey,
      long timestamp)
      implements EngineEvent {}

  public record IncidentResolved(long incidentKey) implements EngineEvent {}
}
