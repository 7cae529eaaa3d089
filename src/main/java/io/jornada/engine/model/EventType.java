package io.jornada.engine.model;

/** What an event element waits for or throws. */
public enum EventType {
  NONE,
  MESSAGE,
  TIMER,
  ERROR,
  SIGNAL,
  TERMINATE,
  LINK
}
