package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;

/** Signal end event: broadcasts its signal (variables from its input mappings), then ends its path. */
final class SignalEndEventBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (bpmn.variables().applyInputs(instance, element) && bpmn.signals().throwSignal(instance, element)) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }
}
