package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;

/**
 * Parallel gateway: takes every outgoing flow. As a join it is only entered once each incoming flow
 * was taken ({@link JoinBehavior}).
 */
final class ParallelGatewayBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    bpmn.complete(instance, element.outgoing(), null);
  }
}
