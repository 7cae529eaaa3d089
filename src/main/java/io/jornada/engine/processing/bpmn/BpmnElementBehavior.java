package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/**
 * The lifecycle of one BPMN element kind. Steps default to nothing; each kind implements what it
 * reacts to.
 */
interface BpmnElementBehavior {

  /** The element was entered; {@code trigger} is set when an event already happened for it. */
  void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger);

  /** The element's job was completed with these variables. */
  default void onJobCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {}

  /** A message or timer the element waits for occurred. */
  default void onEventOccurred(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {}

  /** The process instance this call activity created completed, with these (its root) variables. */
  default void onCalledInstanceCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {}
  /**
   * A child of this container is about to complete (its variables are still there); false (after
   * raising an incident on the child) stops the completion.
   */
  default boolean onChildCompleting(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, ElementInstance child) {
    return true;
  }

  /** The last path inside this container element ended (process, subprocess, multi-instance body). */
  default void onChildrenCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element) {}

  /**
   * The element is being terminated: its children are already terminated; release what only this
   * kind holds. Subscriptions, timers, its job and its incidents are released by the caller.
   */
  default void onTerminate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element) {}
}
