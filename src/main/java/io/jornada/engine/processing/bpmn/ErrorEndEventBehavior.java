package io.jornada.engine.processing.bpmn;

import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;
import java.util.Map;

/** Error end event: throws its error (the code may be an expression); the end event waits until the catch terminates it. */
final class ErrorEndEventBehavior implements BpmnElementBehavior {

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    var code = bpmn.evaluate(element.errorCode(), instance.key());
    if (code.isFailure() || !(code.value() instanceof String errorCode)) {
      bpmn.incidents().raise(instance, "EXTRACT_VALUE_ERROR", code.isFailure()
          ? code.failure()
          : "Expected the error code '" + element.errorCode() + "' to be a string, but it was '" + code.value() + "'");
      return;
    }
    bpmn.errors().throwError(instance, errorCode, "", Map.of(), -1);
  }
}
