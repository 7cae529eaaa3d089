package io.jornada.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.jornada.engine.expression.Expression;
import io.jornada.engine.expression.ExpressionLanguage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;

/**
 * Turns BPMN XML into {@link ExecutableProcess}es, or into the list of reasons why it cannot run
 * here: invalid XML, Zeebe validation errors, and every element the engine does not execute, each
 * named by id and type.
 */
public final class BpmnTransformer {

  private static final String SUPPORTED =
      "none, message, timer and signal start events, none, error, terminate and signal end events, service, send, script,"
          + " job-based user, business rule and receive tasks, embedded subprocesses, call activities, multi-instance activities,"
          + " event subprocesses with message, timer or error start events, message, timer and error boundary events,"
          + " exclusive, parallel, inclusive and event-based gateways, message, timer and signal intermediate catch events,"
          + " none and signal intermediate throw events";

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
        processes.add(new ProcessBuilder(process, errors).build());
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

  /** Builds one process, collecting every problem instead of stopping at the first. */
  private final class ProcessBuilder {
    private final Process process;
    private final List<String> errors;
    private final Map<String, ExecutableElement> elements = new LinkedHashMap<>();
    private final List<ExecutableElement> messageStarts = new ArrayList<>();

    ProcessBuilder(Process process, List<String> errors) {
      this.process = process;
      this.errors = errors;
    }

    ExecutableProcess build() {
      var root = new ExecutableElement(process.getId(), process.getName(), ElementType.PROCESS, EventType.NONE);
      elements.put(root.id(), root);
      addScope(root, process.getFlowElements());
      if (elements.values().stream().noneMatch(e -> e.type() == ElementType.START_EVENT && e.flowScope() == root)) {
        errors.add("process '" + process.getId() + "' has no start event");
      }
      return new ExecutableProcess(process.getId(), process.getName(), root, elements, messageStarts);
    }

    /** Adds the elements directly inside a process or subprocess, then their flows, then checks its gateways. */
    private void addScope(ExecutableElement container, Collection<FlowElement> flowElements) {
      for (FlowElement element : flowElements) {
        if (!(element instanceof SequenceFlow)) {
          addNode(element, container);
        }
      }
      for (FlowElement element : flowElements) {
        if (element instanceof SequenceFlow flow) {
          addFlow(flow);
        } else if (element instanceof BoundaryEvent boundary) {
          attach(boundary);
        }
      }
      for (FlowElement element : flowElements) {
        if (element instanceof ExclusiveGateway gateway) {
          checkConditions(gateway.getId(), gateway.getDefault(), "exclusive");
        } else if (element instanceof InclusiveGateway gateway) {
          checkConditions(gateway.getId(), gateway.getDefault(), "inclusive");
        } else if (element instanceof EventBasedGateway gateway) {
          checkEventBasedGateway(gateway);
        }
      }
    }

    private void addNode(FlowElement element, ExecutableElement container) {
      ExecutableElement node = toNode(element, container);
      if (node == null) {
        return;
      }
      ExecutableElement body = element instanceof Activity activity ? multiInstanceBody(activity, node) : null;
      node.setFlowScope(body == null ? container : body);
      if (body != null) {
        body.setFlowScope(container);
      }
      elements.put(node.id(), body == null ? node : body);
      if (node.type() == ElementType.SUB_PROCESS) {
        addScope(node, ((SubProcess) element).getFlowElements());
        if (node.startEvent() == null) {
          errors.add("element '" + node.id() + "' (subProcess) has no none start event");
        }
      } else if (node.type() == ElementType.EVENT_SUB_PROCESS) {
        addScope(node, ((SubProcess) element).getFlowElements());
        if (node.startEvent() == null) {
          errors.add("element '" + node.id() + "' (event subProcess) has no message, timer or error start event");
        }
      }
    }

    private ExecutableElement toNode(FlowElement element, ExecutableElement container) {
      String id = element.getId();
      String name = element.getName();
      String typeName = element.getElementType().getTypeName();
      if (element instanceof StartEvent start && container.type() == ElementType.EVENT_SUB_PROCESS) {
        var node = catchEvent(start, ElementType.START_EVENT, start.isInterrupting());
        if (node != null) {
          container.setStartEvent(node);
        }
        return node;
      }
      if (element instanceof StartEvent start) {
        EventDefinition definition = singleDefinition(start.getEventDefinitions(), id, typeName);
        if (definition == null) {
          var node = new ExecutableElement(id, name, ElementType.START_EVENT, EventType.NONE);
          container.setStartEvent(node);
          return node;
        }
        if (container.type() != ElementType.PROCESS) {
          errors.add("element '" + id + "' (startEvent) of subprocess '" + container.id() + "' must be a none start event");
          return null;
        }
        if (definition instanceof MessageEventDefinition message) {
          var node = new ExecutableElement(id, name, ElementType.START_EVENT, EventType.MESSAGE);
          node.setMessage(new ExecutableElement.MessageDefinition(messageName(message, id), null));
          messageStarts.add(node);
          return node;
        }
        if (definition instanceof TimerEventDefinition timer) {
          return timerStart(timer, id, name);
        }
        if (definition instanceof SignalEventDefinition signal) {
          return signalEvent(signal, new ExecutableElement(id, name, ElementType.START_EVENT, EventType.SIGNAL), start);
        }
        return unsupported(id, typeName + " with " + definition.getElementType().getTypeName());
      }
      if (element instanceof EndEvent end) {
        EventDefinition definition = singleDefinition(end.getEventDefinitions(), id, typeName);
        if (definition == null) {
          return new ExecutableElement(id, name, ElementType.END_EVENT, EventType.NONE);
        }
        if (definition instanceof SignalEventDefinition signal) {
          return signalEvent(signal, new ExecutableElement(id, name, ElementType.END_EVENT, EventType.SIGNAL), end);
        }
        if (definition instanceof ErrorEventDefinition error) {
          var node = new ExecutableElement(id, name, ElementType.END_EVENT, EventType.ERROR);
          String code = error.getError() == null ? null : error.getError().getErrorCode();
          if (code == null || code.isBlank()) {
            errors.add("element '" + id + "' (endEvent) throws an error without an errorCode");
          } else {
            node.setErrorCode(expression(id, code));
          }
          return node;
        }
        if (definition instanceof TerminateEventDefinition) {
          return new ExecutableElement(id, name, ElementType.END_EVENT, EventType.TERMINATE);
        }
        return unsupported(id, typeName + " with " + definition.getElementType().getTypeName());
      }
      if (element instanceof BoundaryEvent boundary) {
        return catchEvent(boundary, ElementType.BOUNDARY_EVENT, boundary.cancelActivity());
      }
      if (element instanceof ServiceTask task) {
        return jobTask(new ExecutableElement(id, name, ElementType.SERVICE_TASK, EventType.NONE), task, typeName);
      }
      if (element instanceof SendTask task) {
        return jobTask(new ExecutableElement(id, name, ElementType.SEND_TASK, EventType.NONE), task, typeName);
      }
      if (element instanceof ScriptTask task) {
        return scriptTask(new ExecutableElement(id, name, ElementType.SCRIPT_TASK, EventType.NONE), task, typeName);
      }
      if (element instanceof UserTask task) {
        return userTask(new ExecutableElement(id, name, ElementType.USER_TASK, EventType.NONE), task);
      }
      if (element instanceof ParallelGateway) {
        return new ExecutableElement(id, name, ElementType.PARALLEL_GATEWAY, EventType.NONE);
      }
      if (element instanceof InclusiveGateway) {
        return new ExecutableElement(id, name, ElementType.INCLUSIVE_GATEWAY, EventType.NONE);
      }
      if (element instanceof BusinessRuleTask task) {
        var node = new ExecutableElement(id, name, ElementType.BUSINESS_RULE_TASK, EventType.NONE);
        ZeebeCalledDecision called = task.getSingleExtensionElement(ZeebeCalledDecision.class);
        if (called == null) {
          errors.add("element '" + id + "' (businessRuleTask) has no zeebe:calledDecision; job-based business rule tasks are not supported");
          return node;
        }
        node.setDecision(new ExecutableElement.DecisionCall(called.getDecisionId(), called.getResultVariable()));
        mappings(node, task);
        return node;
      }
      if (element instanceof SubProcess subProcess && "subProcess".equals(typeName)) {
        if (subProcess.triggeredByEvent()) {
          var node = new ExecutableElement(id, name, ElementType.EVENT_SUB_PROCESS, EventType.NONE);
          mappings(node, subProcess);
          container.addEventSubProcess(node);
          return node;
        }
        var node = new ExecutableElement(id, name, ElementType.SUB_PROCESS, EventType.NONE);
        mappings(node, subProcess);
        return node;
      }
      if (element instanceof CallActivity call) {
        return callActivity(call, id, name);
      }
      if (element instanceof ReceiveTask task) {
        return receiveTask(task, id, name);
      }
      if (element instanceof ExclusiveGateway) {
        return new ExecutableElement(id, name, ElementType.EXCLUSIVE_GATEWAY, EventType.NONE);
      }
      if (element instanceof EventBasedGateway) {
        return new ExecutableElement(id, name, ElementType.EVENT_BASED_GATEWAY, EventType.NONE);
      }
      if (element instanceof IntermediateCatchEvent catchEvent) {
        EventDefinition definition = singleDefinition(catchEvent.getEventDefinitions(), id, typeName);
        if (definition instanceof MessageEventDefinition message) {
          var node = new ExecutableElement(id, name, ElementType.INTERMEDIATE_CATCH_EVENT, EventType.MESSAGE);
          ZeebeSubscription subscription =
              message.getMessage() == null ? null : message.getMessage().getSingleExtensionElement(ZeebeSubscription.class);
          if (subscription == null || subscription.getCorrelationKey() == null) {
            errors.add("element '" + id + "' (intermediateCatchEvent) has no message correlation key");
            return node;
          }
          node.setMessage(new ExecutableElement.MessageDefinition(messageName(message, id), expression(id, subscription.getCorrelationKey())));
          mappings(node, catchEvent);
          return node;
        }
        if (definition instanceof SignalEventDefinition signal) {
          return signalEvent(signal, new ExecutableElement(id, name, ElementType.INTERMEDIATE_CATCH_EVENT, EventType.SIGNAL), catchEvent);
        }
        if (definition instanceof TimerEventDefinition timer) {
          var node = new ExecutableElement(id, name, ElementType.INTERMEDIATE_CATCH_EVENT, EventType.TIMER);
          node.setTimer(timerOf(timer, id, typeName, false));
          mappings(node, catchEvent);
          return node;
        }
        return unsupported(id, typeName + (definition == null ? " without event definition" : " with " + definition.getElementType().getTypeName()));
      }
      if (element instanceof IntermediateThrowEvent throwEvent) {
        EventDefinition definition = singleDefinition(throwEvent.getEventDefinitions(), id, typeName);
        if (definition == null) {
          return new ExecutableElement(id, name, ElementType.INTERMEDIATE_THROW_EVENT, EventType.NONE);
        }
        if (definition instanceof SignalEventDefinition signal) {
          return signalEvent(signal, new ExecutableElement(id, name, ElementType.INTERMEDIATE_THROW_EVENT, EventType.SIGNAL), throwEvent);
        }
        return unsupported(id, typeName + " with " + definition.getElementType().getTypeName());
      }
      return unsupported(id, typeName);
    }

    /** A signal start, catch, throw or end event: the signal's name (static or an expression) and the event's mappings. */
    private ExecutableElement signalEvent(SignalEventDefinition definition, ExecutableElement node, FlowNode element) {
      if (definition.getSignal() == null || definition.getSignal().getName() == null || definition.getSignal().getName().isBlank()) {
        errors.add("element '" + node.id() + "' references no signal name");
        return node;
      }
      node.setSignal(new ExecutableElement.SignalDefinition(expression(node.id(), definition.getSignal().getName())));
      mappings(node, element);
      return node;
    }

    /** A timer start event takes a date or a cycle, not a duration. */
    private ExecutableElement timerStart(TimerEventDefinition timer, String id, String name) {
      if (timer.getTimeDuration() != null) {
        errors.add("element '" + id + "' (startEvent) timer must have a timeDate or timeCycle; a timer start event takes no timeDuration");
        return null;
      }
      var node = new ExecutableElement(id, name, ElementType.START_EVENT, EventType.TIMER);
      node.setTimer(timerOf(timer, id, "startEvent", true));
      return node;
    }

    private ExecutableElement callActivity(CallActivity call, String id, String name) {
      var node = new ExecutableElement(id, name, ElementType.CALL_ACTIVITY, EventType.NONE);
      ZeebeCalledElement called = call.getSingleExtensionElement(ZeebeCalledElement.class);
      if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
        errors.add("element '" + id + "' (callActivity) has no zeebe:calledElement processId");
        return node;
      }
      if (called.getBindingType() == ZeebeBindingType.versionTag) {
        return unsupported(id, "callActivity with bindingType 'versionTag' (bindingType 'latest' and 'deployment' are)");
      }
      node.setCalledElement(new ExecutableElement.CalledElement(expression(id, called.getProcessId()),
          called.isPropagateAllChildVariablesEnabled(), called.isPropagateAllParentVariablesEnabled(),
          called.getBindingType() == ZeebeBindingType.deployment));
      mappings(node, call);
      return node;
    }

    private ExecutableElement receiveTask(ReceiveTask task, String id, String name) {
      var node = new ExecutableElement(id, name, ElementType.RECEIVE_TASK, EventType.MESSAGE);
      Message message = task.getMessage();
      ZeebeSubscription subscription = message == null ? null : message.getSingleExtensionElement(ZeebeSubscription.class);
      if (message == null || message.getName() == null || subscription == null || subscription.getCorrelationKey() == null) {
        errors.add("element '" + id + "' (receiveTask) has no message with a name and a correlation key");
        return node;
      }
      node.setMessage(new ExecutableElement.MessageDefinition(message.getName(), expression(id, subscription.getCorrelationKey())));
      mappings(node, task);
      return node;
    }

    /** A task that creates a job from its {@code zeebe:taskDefinition} and {@code zeebe:taskHeaders}. */
    private ExecutableElement jobTask(ExecutableElement node, FlowNode task, String typeName) {
      ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (definition == null || definition.getType() == null || definition.getType().isBlank()) {
        errors.add("element '" + node.id() + "' (" + typeName + ") has no zeebe:taskDefinition type");
        return node;
      }
      String retries = definition.getRetries() == null ? "3" : definition.getRetries();
      node.setJob(new ExecutableElement.JobDefinition(expression(node.id(), definition.getType()), expression(node.id(), retries), headers(task)));
      mappings(node, task);
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
        errors.add("element '" + node.id() + "' (scriptTask) needs a zeebe:script FEEL expression (starting with '=') and a resultVariable");
        return node;
      }
      node.setScript(new ExecutableElement.ScriptDefinition(expression(node.id(), script.getExpression()), script.getResultVariable()));
      mappings(node, task);
      return node;
    }

    /**
     * A boundary event or an event subprocess's start event: message, timer (a cycle only when
     * non-interrupting) or error (always interrupting); null (and an error) for any other kind.
     */
    private ExecutableElement catchEvent(CatchEvent event, ElementType type, boolean interrupting) {
      String id = event.getId();
      String typeName = event.getElementType().getTypeName();
      EventDefinition definition = singleDefinition(event.getEventDefinitions(), id, typeName);
      ExecutableElement node;
      if (definition instanceof MessageEventDefinition message) {
        node = new ExecutableElement(id, event.getName(), type, EventType.MESSAGE);
        ZeebeSubscription subscription =
            message.getMessage() == null ? null : message.getMessage().getSingleExtensionElement(ZeebeSubscription.class);
        if (subscription == null || subscription.getCorrelationKey() == null) {
          errors.add("element '" + id + "' (" + typeName + ") has no message correlation key");
          return node;
        }
        node.setMessage(new ExecutableElement.MessageDefinition(messageName(message, id), expression(id, subscription.getCorrelationKey())));
      } else if (definition instanceof TimerEventDefinition timer) {
        node = new ExecutableElement(id, event.getName(), type, EventType.TIMER);
        node.setTimer(timerOf(timer, id, typeName, !interrupting));
      } else if (definition instanceof ErrorEventDefinition error) {
        node = new ExecutableElement(id, event.getName(), type, EventType.ERROR);
        if (!interrupting) {
          errors.add("element '" + id + "' (" + typeName + ") catches an error, so it must be interrupting");
        }
        String code = error.getError() == null ? null : error.getError().getErrorCode();
        if (code != null && !code.isBlank()) {
          node.setErrorCode(expression(id, code));
        }
      } else {
        return unsupported(id, typeName + (definition == null ? " without event definition" : " with " + definition.getElementType().getTypeName()));
      }
      node.setInterrupting(interrupting);
      mappings(node, event);
      return node;
    }

    /** Lists a boundary event on the activity it is attached to. */
    private void attach(BoundaryEvent boundary) {
      ExecutableElement node = elements.get(boundary.getId());
      ExecutableElement activity = boundary.getAttachedTo() == null ? null : elements.get(boundary.getAttachedTo().getId());
      if (node != null && activity != null) {
        activity.addBoundaryEvent(node);
      }
    }

    /**
     * A job-based user task: a job of type {@value #USER_TASK_JOB_TYPE} with the assignment, form key
     * and schedule in Zeebe's headers. Camunda user tasks ({@code zeebe:userTask}) need the Tasklist API, which
     * the embedded engine does not serve.
     */
    private ExecutableElement userTask(ExecutableElement node, UserTask task) {
      if (task.getSingleExtensionElement(ZeebeUserTask.class) != null) {
        errors.add("element '" + node.id() + "' of type 'userTask' with zeebe:userTask (Camunda user task) is not supported by the embedded engine:"
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
      node.setJob(new ExecutableElement.JobDefinition(expression(node.id(), USER_TASK_JOB_TYPE), expression(node.id(), "3"), headers));
      mappings(node, task);
      return node;
    }

    /** Zeebe's header for a user task property: the value, or a JSON array for a comma-separated list. */
    private void userTaskHeader(String id, Map<String, String> headers, String name, String value, boolean list) {
      if (value == null || value.isBlank()) {
        return;
      }
      if (value.startsWith("=")) {
        errors.add("element '" + id + "' (userTask): " + name + " must be a static value on the embedded engine, not an expression");
        return;
      }
      String header = list
          ? Arrays.stream(value.split(",")).map(String::trim).map(v -> "\"" + v.replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "[", "]"))
          : value;
      headers.put("io.camunda.zeebe:" + name, header);
    }

    /** The multi-instance body around an activity with {@code multiInstanceLoopCharacteristics}, or null. */
    private ExecutableElement multiInstanceBody(Activity activity, ExecutableElement inner) {
      if (!(activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop)) {
        if (activity.getLoopCharacteristics() != null) {
          errors.add("element '" + inner.id() + "' has standard loop characteristics, which are not supported; use multi-instance");
        }
        return null;
      }
      String id = inner.id();
      ZeebeLoopCharacteristics zeebe = loop.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
      if (zeebe == null || zeebe.getInputCollection() == null || zeebe.getInputCollection().isBlank()) {
        errors.add("element '" + id + "' is multi-instance but has no zeebe:loopCharacteristics inputCollection");
        return null;
      }
      var body = new ExecutableElement(id, inner.name(), ElementType.MULTI_INSTANCE_BODY, EventType.NONE);
      String condition = loop.getCompletionCondition() == null ? null : loop.getCompletionCondition().getTextContent();
      body.setMultiInstance(
          new ExecutableElement.MultiInstance(
              loop.isSequential(),
              expression(id, zeebe.getInputCollection()),
              blankToNull(zeebe.getInputElement()),
              blankToNull(zeebe.getOutputCollection()),
              zeebe.getOutputElement() == null || zeebe.getOutputElement().isBlank() ? null : expression(id, zeebe.getOutputElement()),
              condition == null || condition.isBlank() ? null : expression(id, condition.trim())),
          inner);
      return body;
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value;
    }

    private EventDefinition singleDefinition(Collection<EventDefinition> definitions, String id, String typeName) {
      if (definitions.size() > 1) {
        errors.add("element '" + id + "' (" + typeName + ") has more than one event definition; multiple events are not supported");
      }
      return definitions.isEmpty() ? null : definitions.iterator().next();
    }

    /** The timer's duration, date or (where {@code cycleAllowed}) cycle; null (and an error) otherwise. */
    private TimerDefinition timerOf(TimerEventDefinition timer, String id, String typeName, boolean cycleAllowed) {
      if (timer.getTimeDuration() != null) {
        return new TimerDefinition(TimerDefinition.Kind.DURATION, expression(id, timer.getTimeDuration().getTextContent().trim()));
      }
      if (timer.getTimeDate() != null) {
        return new TimerDefinition(TimerDefinition.Kind.DATE, expression(id, timer.getTimeDate().getTextContent().trim()));
      }
      if (timer.getTimeCycle() != null && cycleAllowed) {
        return new TimerDefinition(TimerDefinition.Kind.CYCLE, expression(id, timer.getTimeCycle().getTextContent().trim()));
      }
      errors.add("element '" + id + "' (" + typeName + ") timer must have a " + (cycleAllowed ? "timeDuration, timeDate or timeCycle" : "timeDuration or timeDate"));
      return null;
    }

    private String messageName(MessageEventDefinition definition, String id) {
      if (definition.getMessage() == null || definition.getMessage().getName() == null) {
        errors.add("element '" + id + "' references no message name");
        return "";
      }
      return definition.getMessage().getName();
    }

    private void mappings(ExecutableElement node, FlowNode element) {
      ZeebeIoMapping io = element.getSingleExtensionElement(ZeebeIoMapping.class);
      if (io == null) {
        return;
      }
      node.setMappings(toMappings(node.id(), io.getInputs()), toMappings(node.id(), io.getOutputs()));
    }

    private List<Mapping> toMappings(String id, Collection<? extends ZeebeMapping> mappings) {
      List<Mapping> result = new ArrayList<>();
      for (ZeebeMapping mapping : mappings) {
        String source = mapping.getSource() == null ? "=null" : mapping.getSource();
        result.add(new Mapping(expression(id, source), mapping.getTarget()));
      }
      return result;
    }

    private void addFlow(SequenceFlow flow) {
      ConditionExpression condition = flow.getConditionExpression();
      Expression conditionExpression = null;
      if (condition != null && condition.getTextContent() != null && !condition.getTextContent().isBlank()) {
        conditionExpression = expression(flow.getId(), condition.getTextContent().trim());
      }
      var executable =
          new ExecutableFlow(flow.getId(), flow.getSource().getId(), flow.getTarget().getId(), conditionExpression);
      ExecutableElement source = elements.get(flow.getSource().getId());
      if (source != null) {
        source.addOutgoing(executable);
      }
      ExecutableElement target = elements.get(flow.getTarget().getId());
      if (target != null) {
        target.addIncoming(executable);
      }
    }

    /** Sets the default flow of an exclusive or inclusive gateway; every other flow needs a condition when there are several. */
    private void checkConditions(String gatewayId, SequenceFlow defaultFlow, String kind) {
      ExecutableElement node = elements.get(gatewayId);
      if (defaultFlow != null) {
        node.outgoing().stream()
            .filter(f -> f.id().equals(defaultFlow.getId()))
            .findFirst()
            .ifPresent(node::setDefaultFlow);
      }
      if (node.outgoing().size() > 1) {
        for (ExecutableFlow flow : node.outgoing()) {
          if (flow != node.defaultFlow() && flow.condition() == null) {
            errors.add("sequence flow '" + flow.id() + "' leaves " + kind + " gateway '" + gatewayId + "' without a condition and is not its default flow");
          }
        }
      }
    }

    private void checkEventBasedGateway(EventBasedGateway gateway) {
      ExecutableElement node = elements.get(gateway.getId());
      for (ExecutableFlow flow : node.outgoing()) {
        ExecutableElement target = elements.get(flow.targetId());
        if (target == null || target.type() != ElementType.INTERMEDIATE_CATCH_EVENT) {
          errors.add("event-based gateway '" + gateway.getId() + "' must lead only to message or timer intermediate catch events, but flow '" + flow.id() + "' does not");
        }
      }
    }

    private Expression expression(String id, String text) {
      var parsed = expressions.parse(text);
      parsed.failureMessage().ifPresent(reason -> errors.add("element '" + id + "': " + reason));
      return parsed.expression();
    }

    private ExecutableElement unsupported(String id, String what) {
      errors.add("element '" + id + "' of type '" + what + "' is not supported by the embedded engine (supported: " + SUPPORTED + ")");
      return null;
    }
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
