package io.jornada.engine.model;

import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;

/**
 * Turns exclusive, parallel, inclusive and event-based gateways into elements and, once a scope's
 * flows are connected, checks them: the default flow and conditions of exclusive and inclusive
 * gateways, and that an event-based gateway leads only to intermediate catch events.
 */
final class GatewayTransformer {

  private final TransformContext context;

  GatewayTransformer(TransformContext context) {
    this.context = context;
  }

  /** The gateway's element, or null (and an error) for a kind the engine does not execute. */
  ExecutableElement toNode(Gateway gateway) {
    String id = gateway.getId();
    String name = gateway.getName();
    if (gateway instanceof ParallelGateway) {
      return new ExecutableElement(id, name, ElementType.PARALLEL_GATEWAY, EventType.NONE);
    }
    if (gateway instanceof InclusiveGateway) {
      return new ExecutableElement(id, name, ElementType.INCLUSIVE_GATEWAY, EventType.NONE);
    }
    if (gateway instanceof ExclusiveGateway) {
      return new ExecutableElement(id, name, ElementType.EXCLUSIVE_GATEWAY, EventType.NONE);
    }
    if (gateway instanceof EventBasedGateway) {
      return new ExecutableElement(id, name, ElementType.EVENT_BASED_GATEWAY, EventType.NONE);
    }
    return context.unsupported(id, gateway.getElementType().getTypeName());
  }

  /** Checks a gateway of the scope against its outgoing flows; other elements pass. */
  void check(FlowElement element) {
    if (element instanceof ExclusiveGateway gateway) {
      checkConditions(gateway.getId(), gateway.getDefault(), "exclusive");
    } else if (element instanceof InclusiveGateway gateway) {
      checkConditions(gateway.getId(), gateway.getDefault(), "inclusive");
    } else if (element instanceof EventBasedGateway gateway) {
      checkEventBasedGateway(gateway);
    }
  }

  /** Sets the default flow of an exclusive or inclusive gateway; every other flow needs a condition when there are several. */
  private void checkConditions(String gatewayId, SequenceFlow defaultFlow, String kind) {
    ExecutableElement node = context.elements().get(gatewayId);
    if (defaultFlow != null) {
      node.outgoing().stream()
          .filter(f -> f.id().equals(defaultFlow.getId()))
          .findFirst()
          .ifPresent(node::setDefaultFlow);
    }
    if (node.outgoing().size() > 1) {
      for (ExecutableFlow flow : node.outgoing()) {
        if (flow != node.defaultFlow() && flow.condition() == null) {
          context.error("sequence flow '" + flow.id() + "' leaves " + kind + " gateway '" + gatewayId + "' without a condition and is not its default flow");
        }
      }
    }
  }

  private void checkEventBasedGateway(EventBasedGateway gateway) {
    ExecutableElement node = context.elements().get(gateway.getId());
    for (ExecutableFlow flow : node.outgoing()) {
      ExecutableElement target = context.elements().get(flow.targetId());
      if (target == null || target.type() != ElementType.INTERMEDIATE_CATCH_EVENT) {
        context.error("event-based gateway '" + gateway.getId() + "' must lead only to message or timer intermediate catch events, but flow '" + flow.id() + "' does not");
      }
    }
  }
}
