package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Link events: docs.camunda.io/docs/components/modeler/bpmn/link-events/ (8.8). */
class LinkEventConformanceTest extends ConformanceTest {

  private static final String LINK_THROW = """
      <bpmn:intermediateThrowEvent id="%s"><bpmn:incoming>%s</bpmn:incoming><bpmn:linkEventDefinition name="%s"/></bpmn:intermediateThrowEvent>""";
  private static final String LINK_CATCH = """
      <bpmn:intermediateCatchEvent id="%s"><bpmn:outgoing>%s</bpmn:outgoing><bpmn:linkEventDefinition name="%s"/></bpmn:intermediateCatchEvent>""";

  /**
   * "Link events have a throwing link event as the 'exit point', and a catching link event as the
   * 're-entrance point'. They are linked together by their link name"; "two paired link events
   * function the same as two intermediate none events connected via a sequence flow."
   */
  @Test
  void aLinkThrowEventContinuesAtTheCatchEventOfTheSameName() {
    String processId = unique("link");
    String jobType = unique("after-link");
    deployXml(processId, """
        <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="goToB"/>
        %s
        %s
        <bpmn:sequenceFlow id="f2" sourceRef="fromB" targetRef="work"/>
        %s
        """.formatted(LINK_THROW.formatted("goToB", "f1", "B"), LINK_CATCH.formatted("fromB", "f2", "B"), taskThenEnd("work", jobType, "f2")));
    long instance = start(processId, Map.of());

    ActivatedJob job = activate(jobType);
    complete(job, Map.of());

    assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "Multiple throwing link events can link to the same catching link event." */
  @Test
  void severalThrowEventsLinkToOneCatchEvent() {
    String processId = unique("link-many");
    String jobType = unique("joined");
    deployXml(processId, """
        <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="split"/>
        <bpmn:parallelGateway id="split"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>a</bpmn:outgoing><bpmn:outgoing>b</bpmn:outgoing></bpmn:parallelGateway>
        <bpmn:sequenceFlow id="a" sourceRef="split" targetRef="fromA"/>
        <bpmn:sequenceFlow id="b" sourceRef="split" targetRef="fromB"/>
        %s
        %s
        %s
        <bpmn:sequenceFlow id="f2" sourceRef="joined" targetRef="work"/>
        %s
        """.formatted(LINK_THROW.formatted("fromA", "a", "J"), LINK_THROW.formatted("fromB", "b", "J"),
        LINK_CATCH.formatted("joined", "f2", "J"), taskThenEnd("work", jobType, "f2")));
    long instance = start(processId, Map.of());

    List<ActivatedJob> jobs = new ArrayList<>();
    await().until(() -> jobs.addAll(activateAll(jobType, 10)) && jobs.size() == 2);
    jobs.forEach(job -> complete(job, Map.of()));

    assertThat(jobs).extracting(ActivatedJob::getProcessInstanceKey).containsOnly(instance);
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "A throwing link event cannot link to multiple catching link events" (paraphrased: each throw needs its one catch event): a throw event without a catch event of its name is refused at deployment, naming it. */
  @Test
  void aThrowEventWithoutItsCatchEventIsRefused() {
    String processId = unique("link-missing");
    var problem = catchThrowableOfType(ProblemException.class, () -> deployXml(processId, """
        <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="goToNowhere"/>
        %s
        """.formatted(LINK_THROW.formatted("goToNowhere", "f1", "nowhere"))));

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("goToNowhere", "nowhere");
  }

  /** "Link events are limited to a single scope": a throw event in a subprocess does not reach a catch event of the process; the deployment is refused. */
  @Test
  void aLinkDoesNotCrossIntoAnotherScope() {
    String processId = unique("link-scope");
    var problem = catchThrowableOfType(ProblemException.class, () -> deployXml(processId, """
        <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub"/>
        <bpmn:subProcess id="sub"><bpmn:incoming>f1</bpmn:incoming>
          <bpmn:startEvent id="subStart"><bpmn:outgoing>s1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="leave"/>
          %s
        </bpmn:subProcess>
        %s
        <bpmn:sequenceFlow id="f2" sourceRef="outside" targetRef="end"/>
        <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
        """.formatted(LINK_THROW.formatted("leave", "s1", "out"), LINK_CATCH.formatted("outside", "f2", "out"))));

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("leave", "out");
  }

  /**
   * Incidents (paraphrased): resolving an incident retries the step that failed; for a link throw
   * event whose output mapping failed, the retried completion still continues at its catch event.
   */
  @Test
  void aResolvedOutputMappingIncidentOnALinkThrowEventContinuesAtItsCatchEvent() {
    String processId = unique("link-incident");
    String jobType = unique("after-incident");
    deployXml(processId, """
        <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="goToB"/>
        <bpmn:intermediateThrowEvent id="goToB"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=lead.email" target="to"/></zeebe:ioMapping></bpmn:extensionElements>
          <bpmn:incoming>f1</bpmn:incoming><bpmn:linkEventDefinition name="B"/></bpmn:intermediateThrowEvent>
        %s
        <bpmn:sequenceFlow id="f2" sourceRef="fromB" targetRef="work"/>
        %s
        """.formatted(LINK_CATCH.formatted("fromB", "f2", "B"), taskThenEnd("work", jobType, "f2")));
    long instance = start(processId, Map.of());
    Incident incident = await().until(() -> client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(instance).state(IncidentState.ACTIVE)).send().join().items(), list -> !list.isEmpty()).get(0);

    client.newSetVariablesCommand(instance).variables(Map.of("lead", Map.of("email", "ada@example.com"))).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(activate(jobType).getVariablesAsMap()).containsEntry("to", "ada@example.com");
  }

  private static String taskThenEnd(String taskId, String jobType, String incoming) {
    return """
        <bpmn:serviceTask id="%s"><bpmn:extensionElements><zeebe:taskDefinition type="%s"/></bpmn:extensionElements>
          <bpmn:incoming>%s</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing></bpmn:serviceTask>
        <bpmn:sequenceFlow id="toEnd" sourceRef="%s" targetRef="end"/>
        <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
        """.formatted(taskId, jobType, incoming, taskId);
  }

  private void deployXml(String processId, String elements) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            id="definitions" targetNamespace="http://jornada.io/test">
          <bpmn:process id="%s" isExecutable="true">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId, elements);
    client.newDeployResourceCommand().addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), processId + ".bpmn").send().join();
  }
}
