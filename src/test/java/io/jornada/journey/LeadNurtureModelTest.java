package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lead-nurture journey is valid, drawable and runnable on the embedded engine. */
class LeadNurtureModelTest {

  private static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(new File("bpmn/lead-nurture.bpmn"));

  @Test
  void shouldValidateAsAnExecutableProcess() {
    // when
    Bpmn.validateModel(MODEL);
    Process process = MODEL.getModelElementById("lead-nurture");

    // then
    assertThat(process.isExecutable()).isTrue();
    assertThat(MODEL.getDefinitions().getDomElement().getAttribute(
            "http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
        .isEqualTo("8.8.0");
  }

  @Test
  void shouldDrawEveryFlowNodeAndSequenceFlow() {
    // then
    assertThat(MODEL.getModelElementsByType(FlowNode.class))
        .allSatisfy(node -> assertThat(node.getDiagramElement()).as(node.getId()).isNotNull());
    assertThat(MODEL.getModelElementsByType(SequenceFlow.class))
        .allSatisfy(flow -> assertThat(flow.getDiagramElement()).as(flow.getId()).isNotNull());
  }

  @Test
  void shouldNameEveryFlowNode() {
    assertThat(MODEL.getModelElementsByType(FlowNode.class))
        .allSatisfy(node -> assertThat(node.getName()).as(node.getId()).isNotBlank());
  }

  @Test
  void shouldUseOnlyElementsTheEmbeddedEngineSupports() {
    // when
    List<String> unsupported =
        MODEL.getModelElementsByType(FlowElement.class).stream()
            .filter(element -> !supported(element))
            .map(element -> element.getId() + " (" + element.getElementType().getTypeName() + ")")
            .toList();

    // then
    assertThat(unsupported).isEmpty();
  }

  @Test
  void shouldCountEverySendInAttempt() {
    // given
    ServiceTask send = MODEL.getModelElementById("send-message");

    // when
    Map<String, String> outputs = new HashMap<>();
    send.getSingleExtensionElement(ZeebeIoMapping.class).getOutputs()
        .forEach(output -> outputs.put(output.getTarget(), output.getSource()));

    // then
    assertThat(outputs)
        .containsEntry("attempt", "=if attempt = null then 1 else attempt + 1")
        .containsKeys("sentMessageId", "sendStatus");
  }

  @Test
  void shouldBoundEveryLoopByAConditionOnAttempt() {
    // given the journey graph, and the same graph without the flows taken only while attempt < maxAttempts
    Map<String, List<String>> all = new HashMap<>();
    Map<String, List<String>> unguarded = new HashMap<>();
    for (SequenceFlow flow : MODEL.getModelElementsByType(SequenceFlow.class)) {
      String condition =
          flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent();
      add(all, flow);
      if (!condition.contains("attempt < maxAttempts")) {
        add(unguarded, flow);
      }
    }

    // then the journey loops, but no loop is left once the attempt guards are cut
    assertThat(cycleFrom(all)).isNotEmpty();
    assertThat(cycleFrom(unguarded)).isEmpty();
  }

  @Test
  void shouldWaitForEngagementCorrelatedByLeadIdOrForTheConfiguredTime() {
    // given
    IntermediateCatchEvent engaged = MODEL.getModelElementById("lead-engaged");
    IntermediateCatchEvent timeout = MODEL.getModelElementById("engagement-timeout");

    // when
    var message = ((MessageEventDefinition) only(engaged.getEventDefinitions())).getMessage();
    var timer = (TimerEventDefinition) only(timeout.getEventDefinitions());

    // then
    assertThat(message.getName()).isEqualTo("lead-engaged");
    assertThat(message.getSingleExtensionElement(ZeebeSubscription.class).getCorrelationKey())
        .isEqualTo("=leadId");
    assertThat(timer.getTimeDuration().getTextContent()).isEqualTo("=engagementWait");
  }

  private static boolean supported(FlowElement element) {
    if (element instanceof SequenceFlow
        || element instanceof ExclusiveGateway
        || element instanceof EventBasedGateway) {
      return true;
    }
    if (element instanceof StartEvent start) {
      return start.getEventDefinitions().isEmpty()
          || only(start.getEventDefinitions()) instanceof MessageEventDefinition;
    }
    if (element instanceof EndEvent end) {
      return end.getEventDefinitions().isEmpty();
    }
    if (element instanceof ServiceTask task) {
      return task.getSingleExtensionElement(ZeebeTaskDefinition.class) != null;
    }
    if (element instanceof BusinessRuleTask task) {
      return task.getSingleExtensionElement(ZeebeCalledDecision.class) != null;
    }
    if (element instanceof IntermediateCatchEvent event) {
      EventDefinition definition = only(event.getEventDefinitions());
      return definition instanceof MessageEventDefinition
          || (definition instanceof TimerEventDefinition timer && timer.getTimeDuration() != null);
    }
    return false;
  }

  private static EventDefinition only(Collection<EventDefinition> definitions) {
    assertThat(definitions).hasSize(1);
    return definitions.iterator().next();
  }

  private static void add(Map<String, List<String>> graph, SequenceFlow flow) {
    graph.computeIfAbsent(flow.getSource().getId(), id -> new ArrayList<>()).add(flow.getTarget().getId());
  }

  /** A node on a cycle, if any (depth-first search with an "on the current path" set). */
  private static Set<String> cycleFrom(Map<String, List<String>> next) {
    Set<String> done = new HashSet<>();
    for (String start : next.keySet()) {
      Set<String> onCycle = visit(start, next, new HashSet<>(), done);
      if (!onCycle.isEmpty()) {
        return onCycle;
      }
    }
    return Set.of();
  }

  private static Set<String> visit(
      String node, Map<String, List<String>> next, Set<String> path, Set<String> done) {
    if (path.contains(node)) {
      return Set.of(node);
    }
    if (!done.add(node)) {
      return Set.of();
    }
    path.add(node);
    for (String target : next.getOrDefault(node, List.of())) {
      Set<String> onCycle = visit(target, next, path, done);
      if (!onCycle.isEmpty()) {
        return onCycle;
      }
    }
    path.remove(node);
    return Set.of();
  }
}
