package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.HashMap;
import java.util.Map;

/**
 * Business rule task: with a called decision, evaluates the latest version of the DMN decision;
 * with a task definition instead, creates a job and completes with it, like a service task.
 */
final class BusinessRuleTaskBehavior implements BpmnElementBehavior {

  private final ServiceTaskBehavior jobWorker = new ServiceTaskBehavior();

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (element.decision() == null) {
      jobWorker.onActivate(bpmn, instance, element, trigger);
      return;
    }
    if (!bpmn.variables().applyInputs(instance, element)) {
      return;
    }
    var call = element.decision();
    var decision = bpmn.state().latestDecision(call.decisionId());
    if (decision.isEmpty()) {
      bpmn.incidents().raise(instance, "CALLED_DECISION_ERROR",
          "Expected to evaluate decision '" + call.decisionId() + "', but no decision found for id '" + call.decisionId() + "'");
      return;
    }
    var deployed = decision.get();
    var result = bpmn.decisions().evaluate(deployed.resource(), deployed.decisionId(), bpmn.state().visibleVariables(instance.key()));
    if (result.isFailure()) {
      bpmn.incidents().raise(instance, "DECISION_EVALUATION_ERROR",
          "Expected to evaluate decision '" + call.decisionId() + "', but " + result.failure());
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(call.resultVariable(), result.value());
    if (bpmn.variables().applyOutputs(instance, element, output)) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }

  @Override
  public void onJobCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {
    jobWorker.onJobCompleted(bpmn, instance, element, variables);
  }
}
