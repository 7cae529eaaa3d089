package io.jornada.engine;

import io.jornada.engine.state.EngineState;

/** The engine's time: the pinned moment while the clock is pinned (state, so logged), else the system's. */
final class ControlledClock implements EngineClock {

  private final EngineClock system;
  private final EngineState state;

  ControlledClock(EngineClock system, EngineState state) {
    this.system = system;
    this.state = state;
  }

  @Override
  public long millis() {
    long pinned = state.pinnedClock();
    return pinned >= 0 ? pinned : system.millis();
  }
}
