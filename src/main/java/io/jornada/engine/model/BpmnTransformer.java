package io.jornada.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.jornada.engine.expression.ExpressionLanguage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Turns BPMN XML into {@link ExecutableProcess}es, or into the list of reasons why it cannot run
 * here: invalid XML, Zeebe validation errors, and every element the engine does not execute, each
 * named by id and type. Each executable process is built by a {@code ProcessTransformer}.
 */
public final class BpmnTransformer {

  /** The job type Zeebe gives job-based user tasks. */
  public static final String USER_TASK_JOB_TYPE = "io.camunda.zeebe:userTask";

  private final ExpressionLanguage expressions;

  public BpmnTransformer(ExpressionLanguage expressions) {
    this.expressions = expressions;
  }

  /** The executable processes of a resource, or the reasons it was rejected. */
  public Result transform(String resourceName, byte[] xml) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      return Result.failure(List.of("'" + resourceName + "' is not valid BPMN XML: " + rootMessage(e)));
    }
    List<String> errors = new ArrayList<>();
    model
        .validate(ZeebeDesignTimeValidators.VALIDATORS)
        .getResults()
        .forEach(
            (element, results) -> {
              for (ValidationResult r : results) {
                if (r.getType() == ValidationResultType.ERROR) {
                  errors.add("element '" + idOf(element) + "': " + r.getMessage());
                }
              }
            });
    List<ExecutableProcess> processes = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        processes.add(new ProcessTransformer(new TransformContext(expressions, errors)).transform(process));
      }
    }
    if (processes.isEmpty() && errors.isEmpty()) {
      errors.add("'" + resourceName + "' contains no executable process");
    }
    return errors.isEmpty() ? Result.success(processes) : Result.failure(errors);
  }

  private static String idOf(Object element) {
    if (element instanceof org.camunda.bpm.model.xml.instance.ModelElementInstance m) {
      String id = m.getAttributeValue("id");
      return id != null ? id : m.getElementType().getTypeName();
    }
    return String.valueOf(element);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** The processes of one resource, or why it was rejected. */
  public record Result(List<ExecutableProcess> processes, List<String> errors) {
    static Result success(List<ExecutableProcess> processes) {
      return new Result(processes, List.of());
    }

    static Result failure(List<String> errors) {
      return new Result(List.of(), errors);
    }

    public boolean isFailure() {
      return !errors.isEmpty();
    }
  }
}
