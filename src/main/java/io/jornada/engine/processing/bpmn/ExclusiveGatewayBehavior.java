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
      var evaluation = bpmn.evaluate(flow.condition(), instance.key());
      if (evaluation.isFailure()) {
        bpmn.incidents().raise(instance, "CONDITION_ERROR", evaluation.failure());
        return;
      }
      if (!(evaluation.value() instanceof Boolean)) {
        bpmn.incidents().raise(instance, "CONDITION_ERROR",
            "Expected the condition '" + flow.condition() + "' of flow '" + flow.id() + "' to be a boolean, but it was '" + evaluation.value() + "'");
        return;
      }
      if ((Boolean) evaluation.value()) {
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
