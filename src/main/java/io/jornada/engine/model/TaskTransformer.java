package io.jornada.engine.model;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ManualTask;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.Task;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns tasks and call activities into elements: service, send and script tasks done by a job
 * worker ({@code zeebe:taskDefinition} and {@code zeebe:taskHeaders}), script tasks the engine
 * evaluates ({@code zeebe:script}), job-based user tasks, business rule tasks (a
 * {@code zeebe:calledDecision}, or a job worker's {@code zeebe:taskDefinition}), call activities
 * ({@code zeebe:calledElement}), receive tasks, and manual and undefined tasks (passed through).
 */
final class TaskTransformer {

  private final TransformContext context;

  TaskTransformer(TransformContext context) {
    this.context = context;
  }

  /** The activity's element, or null (and an error) for a kind the engine does not execute. */
  ExecutableElement toNode(Activity activity) {
    String id = activity.getId();
    String name = activity.getName();
    String typeName = activity.getElementType().getTypeName();
    if (activity instanceof ServiceTask task) {
      return jobTask(new ExecutableElement(id, name, ElementType.SERVICE_TASK, EventType.NONE), task, typeName);
    }
    if (activity instanceof SendTask task) {
      return jobTask(new ExecutableElement(id, name, ElementType.SEND_TASK, EventType.NONE), task, typeName);
    }
    if (activity instanceof ScriptTask task) {
      return scriptTask(new ExecutableElement(id, name, ElementType.SCRIPT_TASK, EventType.NONE), task, typeName);
    }
    if (activity instanceof UserTask task) {
      return userTask(new ExecutableElement(id, name, ElementType.USER_TASK, EventType.NONE), task);
    }
    if (activity instanceof BusinessRuleTask task) {
      return businessRuleTask(new ExecutableElement(id, name, ElementType.BUSINESS_RULE_TASK, EventType.NONE), task);
    }
    if (activity instanceof CallActivity call) {
      return callActivity(call, id, name);
    }
    if (activity instanceof ReceiveTask task) {
      return receiveTask(task, id, name);
    }
    if (activity instanceof ManualTask task) {
      return passThrough(new ExecutableElement(id, name, ElementType.MANUAL_TASK, EventType.NONE), task);
    }
    if (activity instanceof Task task && "task".equals(typeName)) {
      return passThrough(new ExecutableElement(id, name, ElementType.TASK, EventType.NONE), task);
    }
    return context.unsupported(id, typeName);
  }

  /** A manual or undefined task: the engine completes it at once, applying its mappings. */
  private ExecutableElement passThrough(ExecutableElement node, Task task) {
    context.mappings(node, task);
    return node;
  }

  /** An element that creates a job from its {@code zeebe:taskDefinition} and {@code zeebe:taskHeaders}. */
  ExecutableElement jobTask(ExecutableElement node, FlowNode task, String typeName) {
    ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
      context.error("element '" + node.id() + "' (" + typeName + ") has no zeebe:taskDefinition type");
      return node;
    }
    String retries = definition.getRetries() == null ? "3" : definition.getRetries();
    node.setJob(new ExecutableElement.JobDefinition(context.expression(node.id(), definition.getType()), context.expression(node.id(), retries), headers(task)));
    context.mappings(node, task);
    return node;
  }

  private Map<String, String> headers(FlowNode task) {
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    return headers;
  }

  /** A script task evaluates its {@code zeebe:script} here, or (with a task definition) is done by a job worker. */
  private ExecutableElement scriptTask(ExecutableElement node, ScriptTask task, String typeName) {
    ZeebeScript script = task.getSingleExtensionElement(ZeebeScript.class);
    if (script == null) {
      return jobTask(node, task, typeName);
    }
    if (script.getExpression() == null || !script.getExpression().startsWith("=") || script.getResultVariable() == null) {
      context.error("element '" + node.id() + "' (scriptTask) needs a zeebe:script FEEL expression (starting with '=') and a resultVariable");
      return node;
    }
    node.setScript(new ExecutableElement.ScriptDefinition(context.expression(node.id(), script.getExpression()), script.getResultVariable()));
    context.mappings(node, task);
    return node;
  }

  /**
   * A job-based user task: a job of type {@value BpmnTransformer#USER_TASK_JOB_TYPE} with the
   * assignment, form key and schedule in Zeebe's headers. Camunda user tasks ({@code zeebe:userTask})
   * need the Tasklist API, which the embedded engine does not serve.
   */
  private ExecutableElement userTask(ExecutableElement node, UserTask task) {
    if (task.getSingleExtensionElement(ZeebeUserTask.class) != null) {
      context.error("element '" + node.id() + "' of type 'userTask' with zeebe:userTask (Camunda user task) is not supported by the embedded engine:"
          + " it serves no user task API; remove zeebe:userTask to make it a job-based user task");
      return node;
    }
    Map<String, String> headers = headers(task);
    ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    if (assignment != null) {
      userTaskHeader(node.id(), headers, "assignee", assignment.getAssignee(), false);
      userTaskHeader(node.id(), headers, "candidateGroups", assignment.getCandidateGroups(), true);
      userTaskHeader(node.id(), headers, "candidateUsers", assignment.getCandidateUsers(), true);
    }
    ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form != null) {
      userTaskHeader(node.id(), headers, "formKey", form.getFormKey(), false);
    }
    ZeebeTaskSchedule schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
    if (schedule != null) {
      userTaskHeader(node.id(), headers, "dueDate", schedule.getDueDate(), false);
      userTaskHeader(node.id(), headers, "followUpDate", schedule.getFollowUpDate(), false);
    }
    node.setJob(new ExecutableElement.JobDefinition(
        context.expression(node.id(), BpmnTransformer.USER_TASK_JOB_TYPE), context.expression(node.id(), "3"), headers));
    context.mappings(node, task);
    return node;
  }

  /** Zeebe's header for a user task property: the value, or a JSON array for a comma-separated list. */
  private void userTaskHeader(String id, Map<String, String> headers, String name, String value, boolean list) {
    if (value == null || value.isBlank()) {
      return;
    }
    if (value.startsWith("=")) {
      context.error("element '" + id + "' (userTask): " + name + " must be a static value on the embedded engine, not an expression");
      return;
    }
    String header = list
        ? Arrays.stream(value.split(",")).map(String::trim).map(v -> "\"" + v.replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "[", "]"))
        : value;
    headers.put("io.camunda.zeebe:" + name, header);
  }

  /** A business rule task the engine evaluates with its {@code zeebe:calledDecision}, or else a job worker does. */
  private ExecutableElement businessRuleTask(ExecutableElement node, BusinessRuleTask task) {
    ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (called == null) {
      return jobTask(node, task, "businessRuleTask");
    }
    node.setDecision(new ExecutableElement.DecisionCall(called.getDecisionId(), called.getResultVariable()));
    context.mappings(node, task);
    return node;
  }

  private ExecutableElement callActivity(CallActivity call, String id, String name) {
    var node = new ExecutableElement(id, name, ElementType.CALL_ACTIVITY, EventType.NONE);
    ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      context.error("element '" + id + "' (callActivity) has no zeebe:calledElement processId");
      return node;
    }
    if (called.getBindingType() == ZeebeBindingType.versionTag) {
      return context.unsupported(id, "callActivity with bindingType 'versionTag' (bindingType 'latest' and 'deployment' are)");
    }
    node.setCalledElement(new ExecutableElement.CalledElement(context.expression(id, called.getProcessId()),
        called.isPropagateAllChildVariablesEnabled(), called.isPropagateAllParentVariablesEnabled(),
        called.getBindingType() == ZeebeBindingType.deployment));
    context.mappings(node, call);
    return node;
  }

  private ExecutableElement receiveTask(ReceiveTask task, String id, String name) {
    var node = new ExecutableElement(id, name, ElementType.RECEIVE_TASK, EventType.MESSAGE);
    Message message = task.getMessage();
    ZeebeSubscription subscription = message == null ? null : message.getSingleExtensionElement(ZeebeSubscription.class);
    if (message == null || message.getName() == null || subscription == null || subscription.getCorrelationKey() == null) {
      context.error("element '" + id + "' (receiveTask) has no message with a name and a correlation key");
      return node;
    }
    node.setMessage(new ExecutableElement.MessageDefinition(message.getName(), context.expression(id, subscription.getCorrelationKey())));
    context.mappings(node, task);
    return node;
  }
}
