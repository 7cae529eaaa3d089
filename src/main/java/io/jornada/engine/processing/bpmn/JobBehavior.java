package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.JobEvents.JobCreated;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.state.ElementInstance;

/** Creates the job of a task from its {@code zeebe:taskDefinition}. */
final class JobBehavior {

  private final BpmnBehaviors bpmn;

  JobBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  void create(ElementInstance instance, ExecutableElement element) {
    var definition = element.job();
    var type = bpmn.evaluate(definition.type(), instance.key());
    if (type.isFailure() || !(type.value() instanceof String)) {
      bpmn.incidents().raise(instance, "EXTRACT_VALUE_ERROR",
          type.isFailure() ? type.failure() : "Expected the job type '" + definition.type() + "' to be a string, but it was '" + type.value() + "'");
      return;
    }
    var retries = bpmn.evaluate(definition.retries(), instance.key());
    int retryCount;
    try {
      retryCount = retries.isFailure() ? -1 : Integer.parseInt(String.valueOf(retries.value()));
    } catch (NumberFormatException e) {
      retryCount = -1;
    }
    if (retryCount < 0) {
      bpmn.incidents().raise(instance, "EXTRACT_VALUE_ERROR",
          "Expected the job retries '" + definition.retries() + "' to be a non-negative number" + (retries.isFailure() ? ": " + retries.failure() : ""));
      return;
    }
    bpmn.writer().write(new JobCreated(bpmn.state().nextKey(), instance.key(), instance.processInstanceKey(), (String) type.value(), retryCount, definition.headers()));
  }
}
