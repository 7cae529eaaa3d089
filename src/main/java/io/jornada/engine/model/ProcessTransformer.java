package io.jornada.engine.model;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.jornada.engine.expression.Expression;
import java.util.Collection;

/**
 * Builds one executable process, scope by scope: adds the elements of the process and of each
 * subprocess (handing each element to the transformer of its family and wrapping multi-instance
 * activities in their body), then connects the sequence flows and boundary events, then checks the
 * gateways — collecting every problem instead of stopping at the first.
 */
final class ProcessTransformer {

  private final TransformContext context;
  private final EventTransformer events;
  private final TaskTransformer tasks;
  private final GatewayTransformer gateways;
  private final MultiInstanceTransformer multiInstance;

  ProcessTransformer(TransformContext context) {
    this.context = context;
    this.tasks = new TaskTransformer(context);
    this.events = new EventTransformer(context, tasks);
    this.gateways = new GatewayTransformer(context);
    this.multiInstance = new MultiInstanceTransformer(context);
  }

  ExecutableProcess transform(Process process) {
    var root = new ExecutableElement(process.getId(), process.getName(), ElementType.PROCESS, EventType.NONE);
    context.elements().put(root.id(), root);
    addScope(root, process.getFlowElements());
    if (context.elements().values().stream().noneMatch(e -> e.type() == ElementType.START_EVENT && e.flowScope() == root)) {
      context.error("process '" + process.getId() + "' has no start event");
    }
    return new ExecutableProcess(process.getId(), process.getName(), root, context.elements(), events.messageStarts());
  }

  /** Adds the elements directly inside a process or subprocess, then their flows and links, then checks its gateways. */
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
    events.resolveLinks(container);
    for (FlowElement element : flowElements) {
      gateways.check(element);
    }
  }

  private void addNode(FlowElement element, ExecutableElement container) {
    ExecutableElement node = toNode(element, container);
    if (node == null) {
      return;
    }
    ExecutableElement body = element instanceof Activity activity ? multiInstance.body(activity, node) : null;
    node.setFlowScope(body == null ? container : body);
    if (body != null) {
      body.setFlowScope(container);
    }
    context.elements().put(node.id(), body == null ? node : body);
    if (node.type() == ElementType.SUB_PROCESS) {
      addScope(node, ((SubProcess) element).getFlowElements());
      if (node.startEvent() == null) {
        context.error("element '" + node.id() + "' (subProcess) has no none start event");
      }
    } else if (node.type() == ElementType.EVENT_SUB_PROCESS) {
      addScope(node, ((SubProcess) element).getFlowElements());
      if (node.startEvent() == null) {
        context.error("element '" + node.id() + "' (event subProcess) has no message, timer, signal or error start event");
      }
    }
  }

  /** The element for a flow element, built by the transformer of its family; null (and an error) when it cannot run. */
  private ExecutableElement toNode(FlowElement element, ExecutableElement container) {
    String typeName = element.getElementType().getTypeName();
    if (element instanceof Event event) {
      return events.toNode(event, container);
    }
    if (element instanceof Gateway gateway) {
      return gateways.toNode(gateway);
    }
    if (element instanceof SubProcess subProcess && "subProcess".equals(typeName)) {
      return subProcess(subProcess, container);
    }
    if (element instanceof Activity activity) {
      return tasks.toNode(activity);
    }
    return context.unsupported(element.getId(), typeName);
  }

  /** An embedded subprocess or an event subprocess, without its elements (see {@link #addScope}). */
  private ExecutableElement subProcess(SubProcess subProcess, ExecutableElement container) {
    if (subProcess.triggeredByEvent()) {
      var node = new ExecutableElement(subProcess.getId(), subProcess.getName(), ElementType.EVENT_SUB_PROCESS, EventType.NONE);
      context.mappings(node, subProcess);
      container.addEventSubProcess(node);
      return node;
    }
    var node = new ExecutableElement(subProcess.getId(), subProcess.getName(), ElementType.SUB_PROCESS, EventType.NONE);
    context.mappings(node, subProcess);
    return node;
  }

  private void addFlow(SequenceFlow flow) {
    ConditionExpression condition = flow.getConditionExpression();
    Expression conditionExpression = null;
    if (condition != null && condition.getTextContent() != null && !condition.getTextContent().isBlank()) {
      conditionExpression = context.expression(flow.getId(), condition.getTextContent().trim());
    }
    var executable =
        new ExecutableFlow(flow.getId(), flow.getSource().getId(), flow.getTarget().getId(), conditionExpression);
    ExecutableElement source = context.elements().get(flow.getSource().getId());
    if (source != null) {
      source.addOutgoing(executable);
    }
    ExecutableElement target = context.elements().get(flow.getTarget().getId());
    if (target != null) {
      target.addIncoming(executable);
    }
  }

  /** Lists a boundary event on the activity it is attached to. */
  private void attach(BoundaryEvent boundary) {
    ExecutableElement node = context.elements().get(boundary.getId());
    ExecutableElement activity = boundary.getAttachedTo() == null ? null : context.elements().get(boundary.getAttachedTo().getId());
    if (node != null && activity != null) {
      activity.addBoundaryEvent(node);
    }
  }
}
