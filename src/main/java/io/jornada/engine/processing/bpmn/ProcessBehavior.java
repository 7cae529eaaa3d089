package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;

/** The process instance itself: it completes when its last path ends. */
final class ProcessBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    // Process instances are created by BpmnBehaviors.createInstance, never entered through a flow.
  }

  @Override
  public void onChildrenCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element) {
    bpmn.completeProcess(instance);
  }
}
