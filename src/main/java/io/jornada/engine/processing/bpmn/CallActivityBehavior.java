package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.CallActivityEvents.ProcessInstanceCalled;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.model.ElementType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.DeployedProcess;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/**
 * Call activity: creates an instance of the called process (its latest version, or with binding type
 * deployment the version deployed together with the calling process) at its none start event, with
 * the parent's variables (all visible ones, or only the input-mapped ones), and completes when that
 * instance completes, taking over its variables (all of them, or only through output mappings).
 * Terminating the call activity terminates the called instance.
 */
final class CallActivityBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    if (!bpmn.variables().applyInputs(instance, element)) {
      return;
    }
    var called = element.calledElement();
    var processId = bpmn.evaluate(called.processId(), instance.key());
    if (processId.isFailure() || !(processId.value() instanceof String id)) {
      bpmn.incidents().raise(instance, "EXTRACT_VALUE_ERROR", processId.isFailure()
          ? processId.failure()
          : "Expected result of the expression '" + called.processId() + "' to be 'STRING', but was '" + processId.value() + "'");
      return;
    }
    DeployedProcess process = called.sameDeployment() ? deployedWith(bpmn, instance, id) : bpmn.state().process(id, -1).orElse(null);
    if (process == null) {
      bpmn.incidents().raise(instance, "CALLED_ELEMENT_ERROR", "Expected process with BPMN process id '" + id + "' to be deployed"
          + (called.sameDeployment() ? " together with the calling process" : "") + ", but not found.");
      return;
    }
    if (process.process().noneStartEvent() == null) {
      bpmn.incidents().raise(instance, "CALLED_ELEMENT_ERROR",
          "Expected process with BPMN process id '" + id + "' to have a none start event, but not found.");
      return;
    }
    Map<String, Object> variables = called.propagateAllParentVariables()
        ? bpmn.state().visibleVariables(instance.key())
        : bpmn.state().localVariables(instance.key());
    createChild(bpmn, instance, process, variables);
  }

  @Override
  public void onCalledInstanceCompleted(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, Map<String, Object> variables) {
    // Without output mappings, propagateAllChildVariables=false keeps every child variable out.
    boolean takeVariables = element.calledElement().propagateAllChildVariables() || !element.outputs().isEmpty();
    if (bpmn.variables().applyOutputs(instance, element, takeVariables ? variables : Map.of())) {
      bpmn.complete(instance, element.outgoing(), null);
    }
  }

  @Override
  public void onTerminate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element) {
    bpmn.state().elementInstance(instance.calledInstanceKey()).ifPresent(bpmn::terminate);
  }

  /** Binding type deployment: the version of the called process that was deployed together with the calling process. */
  private static DeployedProcess deployedWith(BpmnBehaviors bpmn, ElementInstance caller, String bpmnProcessId) {
    long deploymentKey = bpmn.state().process(caller.processDefinitionKey()).orElseThrow().deploymentKey();
    return bpmn.state().allProcesses().stream()
        .filter(p -> p.bpmnProcessId().equals(bpmnProcessId) && p.deploymentKey() == deploymentKey)
        .findFirst()
        .orElse(null);
  }

  private static void createChild(BpmnBehaviors bpmn, ElementInstance caller, DeployedProcess process, Map<String, Object> variables) {
    long key = bpmn.state().nextKey();
    bpmn.writer().write(new ElementActivated(key, key, -1, process.key(), process.bpmnProcessId(), ElementType.PROCESS, false, bpmn.now()));
    bpmn.writer().write(new ProcessInstanceCalled(key, caller.processInstanceKey(), caller.key()));
    variables.forEach((name, value) -> bpmn.writer().write(new VariableSet(key, key, name, value)));
    ElementInstance child = bpmn.state().elementInstance(key).orElseThrow();
    bpmn.eventScopes().open(child, process.process().root());
    bpmn.activateIn(child, process.process().noneStartEvent());
  }
}
