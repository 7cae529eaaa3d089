package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Incidents and their resolution: docs.camunda.io/docs/components/concepts/incidents/ (8.8) and
 * docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/resolve-incident/.
 */
class IncidentConformanceTest extends ConformanceTest {

  /**
   * "Resolving a job-related incident": "Increase the remaining retries of the job. Mark the
   * incident as resolved." The job can then be activated again, and the instance goes on.
   */
  @Test
  void resolvingAJobIncidentAfterRaisingRetriesMakesTheJobActivatableAgain() {
    String processId = unique("incident-job");
    String type = processId + "-work";
    deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("task", t -> t.zeebeJobType(type)).endEvent().done());
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(type);
    client.newFailCommand(job).retries(0).errorMessage("mail server down").send().join();
    Incident incident = awaitIncident(instance);
    assertThat(activateAll(type, 1)).isEmpty();

    client.newUpdateJobCommand(job.getKey()).updateRetries(1).send().join();
    assertThat(activateAll(type, 1)).isEmpty();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    ActivatedJob again = activate(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(1);
    complete(again, Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Resolve incident, 409: "The incident cannot be resolved due to an invalid state. For example, the associated job may have no retries left." */
  @Test
  void aJobIncidentCannotBeResolvedWhileTheJobHasNoRetries() {
    String processId = unique("incident-no-retries");
    String type = processId + "-work";
    deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("task", t -> t.zeebeJobType(type)).endEvent().done());
    long instance = start(processId, Map.of());
    client.newFailCommand(activate(type)).retries(0).send().join();
    Incident incident = awaitIncident(instance);

    var failure = catchThrowableOfType(ProblemException.class,
        () -> client.newResolveIncidentCommand(incident.getIncidentKey()).send().join());

    assertThat(failure.code()).isEqualTo(409);
    assertThat(openIncidents(instance)).hasSize(1);
  }

  /** Resolve incident, 404: "The incident with the incidentKey is not found." */
  @Test
  void resolvingAnUnknownIncidentIsNotFound() {
    var failure = catchThrowableOfType(ProblemException.class, () -> client.newResolveIncidentCommand(987_654_321L).send().join());

    assertThat(failure.code()).isEqualTo(404);
  }

  /**
   * "Identify and resolve the problem. Mark the incident as resolved, triggering retry process
   * execution": a business rule task whose decision was missing evaluates it once it is deployed.
   */
  @Test
  void resolvingAnElementIncidentRetriesTheElementOnceTheCauseIsFixed() {
    String processId = unique("incident-decision");
    String decisionId = unique("approve");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .businessRuleTask("decide", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("approved")).endEvent().done());
    long instance = start(processId, Map.of("amount", 50));
    Incident incident = awaitIncident(instance);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CALLED_DECISION_ERROR);

    client.newDeployResourceCommand().addResourceBytes(decision(decisionId), decisionId + ".dmn").send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * "If the variables are causing the incident ... Update the variables of the process instance ...
   * Mark the incident as resolved": a gateway whose condition failed evaluates it again.
   */
  @Test
  void aConditionIncidentIsRetriedWithTheUpdatedVariables() {
    String processId = unique("incident-condition");
    String type = processId + "-big";
    deploy(Bpmn.createExecutableProcess(processId).startEvent().exclusiveGateway("size")
        .sequenceFlowId("big").conditionExpression("amount > 100").serviceTask("bigOrder", t -> t.zeebeJobType(type)).endEvent()
        .moveToNode("size").sequenceFlowId("small").conditionExpression("amount <= 100").endEvent()
        .done());
    long instance = start(processId, Map.of());
    Incident incident = awaitIncident(instance);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.CONDITION_ERROR);

    client.newSetVariablesCommand(instance).variables(Map.of("amount", 150)).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(activate(type).getElementId()).isEqualTo("bigOrder");
  }

  /** Incidents: "A timer expression doesn't return the expected type"; after the variable is fixed, resolving creates the timer. */
  @Test
  void aTimerIncidentIsRetriedWithTheUpdatedVariables() {
    String processId = unique("incident-timer");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().intermediateCatchEvent("wait").timerWithDurationExpression("pause")
        .endEvent().done());
    long instance = start(processId, Map.of("pause", "soon"));
    Incident incident = awaitIncident(instance);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);

    client.newSetVariablesCommand(instance).variables(Map.of("pause", "PT0S")).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** An input mapping that failed is applied again on resolution, with the updated variables, and the task creates its job. */
  @Test
  void anInputMappingIncidentIsRetriedWithTheUpdatedVariables() {
    String processId = unique("incident-input");
    String type = processId + "-mail";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("mail", t -> t.zeebeJobType(type).zeebeInputExpression("lead.email", "to")).endEvent().done());
    long instance = start(processId, Map.of());
    Incident incident = awaitIncident(instance);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.IO_MAPPING_ERROR);

    client.newSetVariablesCommand(instance).variables(Map.of("lead", Map.of("email", "ada@example.com"))).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    assertThat(activate(type).getVariablesAsMap()).containsEntry("to", "ada@example.com");
  }

  /**
   * An activity whose activation raised an incident listens for its boundary events once the
   * resolved activation succeeds: the retried service task's timer boundary event fires.
   */
  @Test
  void aRetriedActivationOpensTheBoundaryEvents() {
    String processId = unique("incident-boundary");
    String type = processId + "-mail";
    String late = processId + "-late";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("mail", t -> t.zeebeJobType(type).zeebeInputExpression("lead.email", "to"))
        .boundaryEvent("tooLate", b -> b.timerWithDuration("PT0.5S")).serviceTask("late", t -> t.zeebeJobType(late)).endEvent()
        .moveToActivity("mail").endEvent().done());
    long instance = start(processId, Map.of());
    Incident incident = awaitIncident(instance);

    client.newSetVariablesCommand(instance).variables(Map.of("lead", Map.of("email", "ada@example.com"))).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob mail = activate(type);

    complete(activate(late), Map.of());
    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(mail, Map.of())).code()).isEqualTo(404);
  }

  /**
   * "If the problem still exists, a new incident is created": resolving an output-mapping incident
   * retries the completion (not the task: no second job), which fails again.
   */
  @Test
  void resolvingAnIncidentWhoseCauseIsStillThereRaisesANewOne() throws InterruptedException {
    String processId = unique("incident-again");
    String type = processId + "-work";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(type).zeebeOutputExpression("missing", "copy")).endEvent().done());
    long instance = start(processId, Map.of());
    complete(activate(type), Map.of());
    Incident first = awaitIncident(instance);
    assertThat(first.getErrorType()).isEqualTo(IncidentErrorType.IO_MAPPING_ERROR);

    client.newResolveIncidentCommand(first.getIncidentKey()).send().join();

    await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents(instance).stream().anyMatch(i -> !i.getIncidentKey().equals(first.getIncidentKey())));
    assertThat(openIncidents(instance)).singleElement().satisfies(i -> assertThat(i.getErrorType()).isEqualTo(IncidentErrorType.IO_MAPPING_ERROR));
    Thread.sleep(200);
    assertThat(activateAll(type, 1)).isEmpty();
  }

  private List<Incident> openIncidents(long processInstanceKey) {
    return client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
        .send().join().items();
  }

  private Incident awaitIncident(long processInstanceKey) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> openIncidents(processInstanceKey), list -> !list.isEmpty()).get(0);
  }

  /** A decision table: approved when {@code amount < 100}. */
  private static byte[] decision(String decisionId) {
    return ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drg-%1$s" name="Approval %1$s" namespace="http://jornada.io/dmn">
          <decision id="%1$s" name="Approve %1$s">
            <decisionTable id="table-%1$s" hitPolicy="FIRST">
              <input id="input-amount" label="Amount">
                <inputExpression id="expr-amount" typeRef="number"><text>amount</text></inputExpression>
              </input>
              <output id="output-approved" name="approved" typeRef="boolean"/>
              <rule id="rule-small">
                <inputEntry id="in-small"><text>&lt; 100</text></inputEntry>
                <outputEntry id="out-small"><text>true</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """).formatted(decisionId).getBytes(StandardCharsets.UTF_8);
  }
}
