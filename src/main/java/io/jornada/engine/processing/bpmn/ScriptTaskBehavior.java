package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.HashMap;
import java.util.Map;

/**
 * Script task: evaluates its {@code zeebe:script} FEEL expression and completes with the result in
 * {@code resultVariable} (a failure is an incident); with a task definition instead, a job worker
 * does it, as for a service task.
 */
final class ScriptTaskBehavior implements BpmnElementBehavior {

  private final ServiceTaskBehavior jobBased = new ServiceTaskBehavior();

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (element.script() == null) {
      jobBased.onActivate(bpmn, instance, element, trigger);
      return;
    }
    if (!bpmn.variables().applyInputs(instance, element)) {
      return;
    }
    var result = bpmn.evaluate(element.script().expression(), instance.key());
    if (result.isFailure()) {
      bpmn.incidents().raise(instance, "EXTRACT_VALUE_ERROR", result.failure());
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(element.script().resultVariable(), result.value());
    if (bpmn.variables().applyOutputs(instance, element, output)) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }

  @Override
  public void onJobCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {
    jobBased.onJobCompleted(bpmn, instance, element, variables);
  }
}
