package io.jornada.engine.model;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;

/**
 * Wraps an activity with {@code multiInstanceLoopCharacteristics} in its multi-instance body, read
 * from {@code zeebe:loopCharacteristics}; standard loops are rejected.
 */
final class MultiInstanceTransformer {

  private final TransformContext context;

  MultiInstanceTransformer(TransformContext context) {
    this.context = context;
  }

  /** The multi-instance body around an activity with {@code multiInstanceLoopCharacteristics}, or null. */
  ExecutableElement body(Activity activity, ExecutableElement inner) {
    if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop)) {
      if (activity.getLoopCharacteristics() != null) {
        context.error("element '" + inner.id() + "' has standard loop characteristics, which are not supported; use multi-instance");
      }
      return null;
    }
    String id = inner.id();
    ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
    if (zeebe == null || zeebe.getInputCollection() == null || zeebe.getInputCollection().isBlank()) {
      context.error("element '" + id + "' is multi-instance but has no zeebe:loopCharacteristics inputCollection");
      return null;
    }
    var body = new ExecutableElement(id, inner.name(), ElementType.MULTI_INSTANCE_BODY, EventType.NONE);
    String condition = loop.getCompletionCondition() == null ? null : loop.getCompletionCondition().getTextContent();
    body.setMultiInstance(
        new ExecutableElement.MultiInstance(
            loop.isSequential(),
            context.expression(id, zeebe.getInputCollection()),
            blankToNull(zeebe.getInputElement()),
            blankToNull(zeebe.getOutputCollection()),
            zeebe.getOutputElement() == null || zeebe.getOutputElement().isBlank() ? null : context.expression(id, zeebe.getOutputElement()),
            condition == null || condition.isBlank() ? null : context.expression(id, condition.trim())),
        inner);
    return body;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
