package io.jornada.lead;

/** What the lead side tells the journeys: a lead appeared, or a lead engaged. */
public interface JourneySignals {

  /** Starts the lead's nurture journey; the lead is already stored. */
  void leadCreated(LeadProfile lead);

  /** Tells the lead's running journey that the lead engaged; the event is already recorded. */
  void leadEngaged(LeadEvent event);
}
