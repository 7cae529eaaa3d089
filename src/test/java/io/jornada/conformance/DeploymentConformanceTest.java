package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Deployments: docs.camunda.io/docs/components/concepts/resources/ and .../process-definitions/
 * (versions), docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/ (what Zeebe executes;
 * anything else the embedded engine does not run is rejected naming the element, its type and why).
 */
class DeploymentConformanceTest extends ConformanceTest {

  /** Versions (paraphrased): deploying a process id again with changed content creates a new version, with a new key. */
  @Test
  void redeployingAChangedProcessCreatesANewVersion() {
    String processId = unique("deploy-version");
    Process first = deployOne(Bpmn.createExecutableProcess(processId).startEvent().endEvent("end").done());

    Process second = deployOne(Bpmn.createExecutableProcess(processId).startEvent().endEvent("done").done());

    assertThat(first.getVersion()).isEqualTo(1);
    assertThat(second.getVersion()).isEqualTo(2);
    assertThat(second.getProcessDefinitionKey()).isNotEqualTo(first.getProcessDefinitionKey());
  }

  /** Deploying the same content again creates no new version: the existing one is answered. */
  @Test
  void redeployingTheSameContentKeepsTheVersion() {
    String processId = unique("deploy-same");
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent().endEvent("end").done();
    Process first = deployOne(model);

    Process again = deployOne(model);

    assertThat(again.getVersion()).isEqualTo(1);
    assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
  }

  /** Message start events (paraphrased): deploying a new version closes the message start subscriptions of the previous version. */
  @Test
  void aNewVersionClosesThePreviousVersionsMessageStartSubscriptions() throws InterruptedException {
    String processId = unique("deploy-message-start");
    String message = unique("signup");
    deployOne(Bpmn.createExecutableProcess(processId).startEvent().message(message).endEvent().done());
    deployOne(Bpmn.createExecutableProcess(processId).startEvent().endEvent("v2").done());

    client.newPublishMessageCommand().messageName(message).correlationKey("").timeToLive(Duration.ZERO).send().join();
    Thread.sleep(300);

    assertThat(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId)).send().join().items()).isEmpty();
  }

  /** BPMN coverage: compensation events are not executed here; the deployment is rejected naming the element. */
  @Test
  void compensationIsRejected() {
    assertRejected("<bpmn:intermediateThrowEvent id=\"X\"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>"
        + "<bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>", "", "compensateEventDefinition");
  }

  /** BPMN coverage: escalation events are not executed here. */
  @Test
  void escalationIsRejected() {
    assertRejected("<bpmn:intermediateThrowEvent id=\"X\"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>"
        + "<bpmn:escalationEventDefinition escalationRef=\"esc\"/></bpmn:intermediateThrowEvent>",
        "<bpmn:escalation id=\"esc\" name=\"esc\" escalationCode=\"late\"/>", "escalationEventDefinition");
  }

  /** BPMN coverage: conditional events are not executed here. */
  @Test
  void conditionalEventsAreRejected() {
    assertRejected("<bpmn:intermediateCatchEvent id=\"X\"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>"
        + "<bpmn:conditionalEventDefinition><bpmn:condition xsi:type=\"bpmn:tFormalExpression\">=ready</bpmn:condition>"
        + "</bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>", "", "conditionalEventDefinition");
  }

  /** BPMN coverage: "complex gateway" is not executable in Zeebe either. */
  @Test
  void complexGatewaysAreRejected() {
    assertRejected("<bpmn:complexGateway id=\"X\"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:complexGateway>",
        "", "complexGateway");
  }

  /** BPMN coverage: ad-hoc subprocesses are not executed here. */
  @Test
  void adHocSubProcessesAreRejected() {
    assertRejected("<bpmn:adHocSubProcess id=\"X\"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>"
        + "<bpmn:serviceTask id=\"inner\"><bpmn:extensionElements><zeebe:taskDefinition type=\"inner\"/></bpmn:extensionElements></bpmn:serviceTask>"
        + "</bpmn:adHocSubProcess>", "", "adHocSubProcess");
  }

  /** User tasks: only job-based user tasks (as Zeebe runs them) are executed; a Camunda user task ({@code zeebe:userTask}) is rejected. */
  @Test
  void camundaUserTasksAreRejected() {
    assertRejected("<bpmn:userTask id=\"X\"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements>"
        + "<bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>", "", "userTask");
  }

  private Process deployOne(BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join().getProcesses().get(0);
  }

  /** Deploys start → {@code element} (id X) → end; the 400 answer must name the element and its type. */
  private void assertRejected(String element, String definitions, String type) {
    String processId = unique("deploy-unsupported");
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="definitions" targetNamespace="http://jornada.io/test">
          %s
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="X"/>
            %s
            <bpmn:sequenceFlow id="f2" sourceRef="X" targetRef="end"/>
            <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(definitions, processId, element);

    var failure = catchThrowableOfType(ProblemException.class, () -> client.newDeployResourceCommand()
        .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), processId + ".bpmn").send().join());

    assertThat(failure.code()).isEqualTo(400);
    assertThat(failure.details().getDetail()).contains("'X'", type, "not supported");
  }
}
