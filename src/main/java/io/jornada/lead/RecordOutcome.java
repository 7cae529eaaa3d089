package io.jornada.lead;

/** What recording one event did to the lead state. */
enum RecordOutcome {
  /** Folded into the lead's state for the first time. */
  RECORDED,
  /** Its eventId was already recorded; nothing changed. */
  DUPLICATE,
  /** No such lead; nothing changed. */
  UNKNOWN_LEAD
}
