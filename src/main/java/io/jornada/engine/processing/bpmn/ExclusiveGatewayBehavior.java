package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.model.ExecutableFlow;
import io.jornada.engine.state.ElementInstance;
import java.util.List;

/** Exclusive gateway: takes the first flow whose condition is true, else the default flow. */
final class ExclusiveGatewayBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (element.outgoing().size() <= 1) {
      bpmn.complete(instance, element.outgoing(), null);
      return;
    }
    for (ExecutableFlow flow : element.outgoing()) {
      if (flow == element.defaultFlow()) {
        continue;
      }
      Boolean taken = FlowConditions.evaluate(bpmn, instance, flow);
      if (taken == null) {
        return;
      }
      if (taken) {
        bpmn.complete(instance, List.of(flow), null);
        return;
      }
    }
    if (element.defaultFlow() != null) {
      bpmn.complete(instance, List.of(element.defaultFlow()), null);
      return;
    }
    bpmn.incidents().raise(instance, "CONDITION_ERROR",
        "Expected at least one condition to evaluate to true, or to have a default flow, at gateway '" + element.id() + "'");
  }
}
