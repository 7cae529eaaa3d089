package io.jornada.engine.event;

import java.util.List;

/** Events of joining gateways: taken flows that wait at a join, and the join that consumes them. */
public final class GatewayEvents {

  private GatewayEvents() {}

  /** A taken sequence flow reached a joining gateway that cannot activate yet, and waits there. */
  public record SequenceFlowWaiting(long processInstanceKey, long flowScopeKey, String flowId, String gatewayId)
      implements EngineEvent {}

  /** A joining gateway consumed one waiting flow of each of {@code flowIds}; it is activated next. */
  public record SequenceFlowsJoined(long processInstanceKey, long flowScopeKey, String gatewayId, List<String> flowIds)
      implements EngineEvent {
    public SequenceFlowsJoined {
      flowIds = List.copyOf(flowIds);
    }
  }
}
