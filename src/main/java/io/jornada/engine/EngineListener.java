package io.jornada.engine;

import io.jornada.engine.event.EngineEvent;
import java.util.List;

/**
 * Receives the events of each processed command, after they were logged, the way Zeebe exporters
 * do. Called on the engine's writer thread: return quickly and never block.
 */
@FunctionalInterface
public interface EngineListener {

  void onEvents(List<EngineEvent> events);
}
