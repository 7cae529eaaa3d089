package io.jornada.engine;

/** The engine's notion of now, in epoch milliseconds. Injected, so tests and simulations control time. */
@FunctionalInterface
public interface EngineClock {

  long millis();

  static EngineClock system() {
    return System::currentTimeMillis;
  }
}
