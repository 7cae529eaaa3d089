package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableFlow;
import io.jornada.engine.state.ElementInstance;

/** Evaluates the condition of a sequence flow leaving a gateway; a failure or a non-boolean is an incident. */
final class FlowConditions {

  private FlowConditions() {}

  /** TRUE or FALSE; null once a {@code CONDITION_ERROR} incident was raised on the gateway. */
  static Boolean evaluate(BpmnBehaviors bpmn, ElementInstance gateway, ExecutableFlow flow) {
    var evaluation = bpmn.evaluate(flow.condition(), gateway.key());
    if (evaluation.isFailure()) {
      bpmn.incidents().raise(gateway, "CONDITION_ERROR", evaluation.failure());
      return null;
    }
    if (!(evaluation.value() instanceof Boolean value)) {
      bpmn.incidents().raise(gateway, "CONDITION_ERROR",
          "Expected the condition '" + flow.condition() + "' of flow '" + flow.id() + "' to be a boolean, but it was '" + evaluation.value() + "'");
      return null;
    }
    return value;
  }
}
