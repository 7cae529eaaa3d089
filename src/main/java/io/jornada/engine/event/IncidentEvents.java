package io.jornada.engine.event;

/**
 * Events of incidents: problems an operator must look at. {@code jobKey} is -1 when no job is
 * involved. {@code onCompletion} says which step of the element failed, and so which one resolving
 * the incident retries: its completion (output mappings), or else its activation.
 */
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
      long timestamp,
      boolean onCompletion)
      implements EngineEvent {

    /** An incident of a job or of an element's activation. */
    public IncidentCreated(
        long incidentKey, long processInstanceKey, long elementInstanceKey, String elementId, String errorType, String errorMessage, long jobKey, long timestamp) {
      this(incidentKey, processInstanceKey, elementInstanceKey, elementId, errorType, errorMessage, jobKey, timestamp, false);
    }
  }

  public record IncidentResolved(long incidentKey) implements EngineEvent {}
}
