package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.List;

/**
 * Terminate end event: terminates every other element instance in its flow scope and drops the
 * flows taken there but not entered yet, then completes; the flow scope then completes too (a
 * process instance as completed, a subprocess taking its outgoing flows).
 */
final class TerminateEndEventBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    bpmn.discardTakenFlows(bpmn.state().elementInstance(instance.flowScopeKey()).orElseThrow());
    for (long sibling : bpmn.state().childrenOf(instance.flowScopeKey())) {
      if (sibling != instance.key()) {
        bpmn.state().elementInstance(sibling).ifPresent(bpmn::terminate);
      }
    }
    bpmn.complete(instance, List.of(), null);
  }
}
