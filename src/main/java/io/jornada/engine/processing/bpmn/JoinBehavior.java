package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.GatewayEvents.SequenceFlowWaiting;
import io.jornada.engine.event.GatewayEvents.SequenceFlowsJoined;
import io.jornada.engine.model.ElementType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.model.ExecutableFlow;
import io.jornada.engine.model.ExecutableProcess;
import io.jornada.engine.state.ElementInstance;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joining gateways (parallel or inclusive with several incoming flows). A flow that reaches one
 * waits there, recorded as state, and counts as pending in its scope so the scope cannot complete
 * under it. A parallel join is entered once each incoming flow has arrived; a flow that arrives
 * twice waits for the next round. An inclusive join is entered once no active path of its scope
 * can still reach an incoming flow that has not arrived.
 */
final class JoinBehavior {

  private final BpmnBehaviors bpmn;

  JoinBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  boolean isJoin(ExecutableElement element) {
    return (element.type() == ElementType.PARALLEL_GATEWAY || element.type() == ElementType.INCLUSIVE_GATEWAY)
        && element.incoming().size() > 1;
  }

  /** A taken flow reached the joining gateway: it waits, and the gateway is entered if it is ready. */
  void arrive(long scopeKey, ExecutableFlow flow, ExecutableElement gateway) {
    bpmn.state().elementInstance(scopeKey).ifPresent(scope -> {
      bpmn.writer().write(new SequenceFlowWaiting(scope.processInstanceKey(), scopeKey, flow.id(), gateway.id()));
      if (gateway.type() == ElementType.PARALLEL_GATEWAY) {
        joinParallel(scope, gateway);
      } else {
        bpmn.enqueue(() -> joinInclusive(scopeKey, gateway));
      }
    });
  }

  /** An element of the scope moved on: an inclusive join there may no longer wait for it. */
  void elementLeft(long scopeKey) {
    for (String gatewayId : bpmn.state().gatewaysWithWaitingFlows(scopeKey)) {
      bpmn.state().elementInstance(scopeKey).ifPresent(scope -> {
        ExecutableElement gateway = bpmn.process(scope).element(gatewayId);
        if (gateway.type() == ElementType.INCLUSIVE_GATEWAY) {
          bpmn.enqueue(() -> joinInclusive(scopeKey, gateway));
        }
      });
    }
  }

  private void joinParallel(ElementInstance scope, ExecutableElement gateway) {
    Map<String, Integer> waiting = bpmn.state().waitingFlows(scope.key(), gateway.id());
    List<String> incoming = gateway.incoming().stream().map(ExecutableFlow::id).toList();
    if (waiting.keySet().containsAll(incoming)) {
      join(scope, gateway, incoming);
    }
  }

  /**
   * Enters the inclusive join if no path can still reach it. Taken flows still on their way to
   * their target are not elements yet, so the decision waits until they have arrived.
   */
  private void joinInclusive(long scopeKey, ExecutableElement gateway) {
    ElementInstance scope = bpmn.state().elementInstance(scopeKey).orElse(null);
    if (scope == null) {
      return;
    }
    Map<String, Integer> waiting = bpmn.state().waitingFlows(scopeKey, gateway.id());
    if (waiting.isEmpty()) {
      return;
    }
    if (scope.pendingFlows() > waitingInScope(scopeKey)) {
      bpmn.enqueue(() -> joinInclusive(scopeKey, gateway));
      return;
    }
    Set<String> missing = new HashSet<>();
    gateway.incoming().stream().map(ExecutableFlow::id).filter(id -> !waiting.containsKey(id)).forEach(missing::add);
    if (!missing.isEmpty() && canStillArrive(scope, gateway, missing)) {
      return;
    }
    join(scope, gateway, gateway.incoming().stream().map(ExecutableFlow::id).filter(waiting::containsKey).toList());
  }

  private int waitingInScope(long scopeKey) {
    int count = 0;
    for (String gatewayId : bpmn.state().gatewaysWithWaitingFlows(scopeKey)) {
      for (int arrivals : bpmn.state().waitingFlows(scopeKey, gatewayId).values()) {
        count += arrivals;
      }
    }
    return count;
  }

  /** Whether a path from an active element, or from another join that holds flows, leads into one of the missing flows. */
  private boolean canStillArrive(ElementInstance scope, ExecutableElement gateway, Set<String> missing) {
    ExecutableProcess process = bpmn.process(scope);
    ArrayDeque<ExecutableElement> toVisit = new ArrayDeque<>();
    for (long child : bpmn.state().childrenOf(scope.key())) {
      bpmn.state().elementInstance(child).ifPresent(c -> toVisit.add(process.element(c.elementId())));
    }
    for (String other : bpmn.state().gatewaysWithWaitingFlows(scope.key())) {
      if (!other.equals(gateway.id())) {
        toVisit.add(process.element(other));
      }
    }
    Set<String> visited = new HashSet<>();
    while (!toVisit.isEmpty()) {
      ExecutableElement element = toVisit.poll();
      if (!visited.add(element.id())) {
        continue;
      }
      for (ExecutableFlow flow : element.outgoing()) {
        if (missing.contains(flow.id())) {
          return true;
        }
        if (!flow.targetId().equals(gateway.id())) {
          toVisit.add(process.element(flow.targetId()));
        }
      }
    }
    return false;
  }

  private void join(ElementInstance scope, ExecutableElement gateway, List<String> flowIds) {
    bpmn.writer().write(new SequenceFlowsJoined(scope.processInstanceKey(), scope.key(), gateway.id(), flowIds));
    bpmn.activateJoined(scope.key(), gateway);
  }
}
