package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.model.ExecutableFlow;
import io.jornada.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * Inclusive gateway: takes every flow whose condition is true, else the default flow; with neither,
 * an incident. As a join it is entered once no other path can still reach it ({@link JoinBehavior}).
 */
final class InclusiveGatewayBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (element.outgoing().isEmpty() || (element.outgoing().size() == 1 && element.outgoing().get(0).condition() == null)) {
      bpmn.complete(instance, element.outgoing(), null);
      return;
    }
    List<ExecutableFlow> taken = new ArrayList<>();
    for (ExecutableFlow flow : element.outgoing()) {
      if (flow == element.defaultFlow()) {
        continue;
      }
      Boolean fulfilled = FlowConditions.evaluate(bpmn, instance, flow);
      if (fulfilled == null) {
        return;
      }
      if (fulfilled) {
        taken.add(flow);
      }
    }
    if (taken.isEmpty() && element.defaultFlow() != null) {
      taken.add(element.defaultFlow());
    }
    if (taken.isEmpty()) {
      bpmn.incidents().raise(instance, "CONDITION_ERROR",
          "Expected at least one condition to evaluate to true, or to have a default flow, at gateway '" + element.id() + "'");
      return;
    }
    bpmn.complete(instance, taken, null);
  }
}
