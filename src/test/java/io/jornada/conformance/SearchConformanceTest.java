package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.jornada.gateway.GatewayTestApplication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The search and read endpoints of the Camunda 8.8 REST API, driven only through the unmodified
 * Camunda Java client. Each test names the documented behaviour it checks; "data fetching" is
 * docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/orchestration-cluster-api-rest-data-fetching,
 * endpoint pages are under docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchConformanceTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;

  private CamundaClient client;

  @BeforeEach
  void createClient() {
    client = CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(true)
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  // --- process instances -------------------------------------------------------------------

  @Test
  @DisplayName("data fetching: a filter returns only the items matching every given field (process definition key and state)")
  void shouldFilterProcessInstancesByDefinitionKeyAndState() {
    // given two versions of one process, one instance each, one of them completed
    String processId = unique("pi-filter");
    long v1 = deploy(serviceTask(processId, "v1-" + processId));
    long v2 = deploy(serviceTask(processId, "v2-" + processId));
    long first = start(processId, 1, Map.of());
    long second = start(processId, 2, Map.of());
    complete(activateOne("v2-" + processId));

    // when
    var byKey = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionKey(v1)).send().join();
    var completedOfV2 = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionKey(v2).state(ProcessInstanceState.COMPLETED)).send().join();

    // then
    assertThat(byKey.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(first);
    assertThat(completedOfV2.items()).singleElement().satisfies(p -> {
      assertThat(p.getProcessInstanceKey()).isEqualTo(second);
      assertThat(p.getEndDate()).isNotNull();
      assertThat(p.getProcessDefinitionVersion()).isEqualTo(2);
    });
  }

  @Test
  @DisplayName("data fetching, advanced filters: $in, $neq and $like ('*' any characters) on process instance fields")
  void shouldApplyInNeqAndLikeOperators() {
    // given
    String prefix = unique("pi-ops");
    deploy(serviceTask(prefix + "-a", "job-" + prefix));
    deploy(serviceTask(prefix + "-b", "job-" + prefix));
    long a = start(prefix + "-a", -1, Map.of());
    long b = start(prefix + "-b", -1, Map.of());

    // when
    var in = client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(k -> k.in(a, b))).send().join();
    var like = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(id -> id.like(prefix + "-*")).processInstanceKey(k -> k.neq(a))).send().join();

    // then
    assertThat(in.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactlyInAnyOrder(a, b);
    assertThat(like.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(b);
  }

  @Test
  @DisplayName("search-process-instances: hasIncident and a startDate range ($gte) filter instances")
  void shouldFilterByIncidentAndStartDateRange() {
    // given
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
    String processId = unique("pi-incident");
    String jobType = "job-" + processId;
    deploy(serviceTask(processId, jobType));
    long failing = start(processId, -1, Map.of());
    long healthy = start(processId, -1, Map.of());
    ActivatedJob job = activateOne(jobType);
    client.newFailCommand(job).retries(0).errorMessage("broken").send().join();
    long withIncident = job.getProcessInstanceKey();

    // when
    var incidents = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).hasIncident(true).startDate(d -> d.gte(before))).send().join();
    var later = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).startDate(d -> d.gt(OffsetDateTime.now().plusHours(1)))).send().join();

    // then
    assertThat(List.of(failing, healthy)).contains(withIncident);
    assertThat(incidents.items()).singleElement().satisfies(p -> {
      assertThat(p.getProcessInstanceKey()).isEqualTo(withIncident);
      assertThat(p.getHasIncident()).isTrue();
    });
    assertThat(later.items()).isEmpty();
  }

  @Test
  @DisplayName("search-process-instances: the variables filter finds the instance holding a variable with that value")
  void shouldFindInstanceByVariableValue() {
    // given
    String processId = unique("pi-variables");
    deploy(serviceTask(processId, "job-" + processId));
    start(processId, -1, Map.of("orderId", "o-1", "amount", 10));
    long second = start(processId, -1, Map.of("orderId", "o-2", "amount", 10));

    // when
    var byValue = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).variables(Map.of("orderId", "o-2", "amount", 10))).send().join();

    // then
    assertThat(byValue.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(second);
  }

  @Test
  @DisplayName("data fetching, sort: items come in the order of the sort field, ascending or descending")
  void shouldSortAscendingAndDescending() {
    // given
    String processId = unique("pi-sort");
    deploy(serviceTask(processId, "job-" + processId));
    List<Long> keys = List.of(start(processId, -1, Map.of()), start(processId, -1, Map.of()), start(processId, -1, Map.of()));

    // when
    var ascending = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.processInstanceKey().asc()).send().join();
    var descending = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.startDate().desc().processInstanceKey().desc()).send().join();

    // then
    assertThat(ascending.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactlyElementsOf(keys);
    assertThat(descending.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(keys.get(2), keys.get(1), keys.get(0));
  }

  @Test
  @DisplayName("data fetching, page: from and limit select a window; totalItems counts every match")
  void shouldPageWithFromAndLimit() {
    // given
    String processId = unique("pi-page");
    deploy(serviceTask(processId, "job-" + processId));
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      keys.add(start(processId, -1, Map.of()));
    }

    // when
    var page = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.processInstanceKey().asc()).page(p -> p.from(1).limit(2)).send().join();

    // then
    assertThat(page.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(keys.get(1), keys.get(2));
    assertThat(page.page().totalItems()).isEqualTo(5);
  }

  @Test
  @DisplayName("data fetching, cursor pagination: page.after the endCursor of one page gives the next page")
  void shouldPageWithCursors() {
    // given
    String processId = unique("pi-cursor");
    deploy(serviceTask(processId, "job-" + processId));
    List<Long> keys = List.of(start(processId, -1, Map.of()), start(processId, -1, Map.of()), start(processId, -1, Map.of()));
    var first = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .page(p -> p.limit(2)).send().join();

    // when
    var next = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .page(p -> p.limit(2).after(first.page().endCursor())).send().join();

    // then
    assertThat(first.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(keys.get(0), keys.get(1));
    assertThat(next.items()).extracting(ProcessInstance::getProcessInstanceKey).containsExactly(keys.get(2));
  }

  @Test
  @DisplayName("get-process-instance: the instance by key, with its process definition")
  void shouldGetProcessInstanceByKey() {
    // given
    String processId = unique("pi-get");
    long definitionKey = deploy(serviceTask(processId, "job-" + processId));
    long instanceKey = start(processId, -1, Map.of());

    // when
    ProcessInstance instance = client.newProcessInstanceGetRequest(instanceKey).send().join();

    // then
    assertThat(instance.getProcessInstanceKey()).isEqualTo(instanceKey);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(definitionKey);
    assertThat(instance.getProcessDefinitionId()).isEqualTo(processId);
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(instance.getStartDate()).isNotNull();
  }

  @Test
  @DisplayName("get-process-instance-sequence-flows: the sequence flows the instance took, by their BPMN ids")
  void shouldListTakenSequenceFlows() {
    // given
    String processId = unique("pi-flows");
    deploy(Bpmn.createExecutableProcess(processId)
        .startEvent("start").sequenceFlowId("to-work")
        .serviceTask("work", t -> t.zeebeJobType("job-" + processId)).sequenceFlowId("to-end")
        .endEvent("end").done());
    long instanceKey = start(processId, -1, Map.of());
    var waiting = client.newProcessInstanceSequenceFlowsRequest(instanceKey).send().join();
    complete(activateOne("job-" + processId));

    // when
    var flows = client.newProcessInstanceSequenceFlowsRequest(instanceKey).send().join();

    // then
    assertThat(waiting).extracting(f -> f.getElementId()).containsExactly("to-work");
    assertThat(flows).extracting(f -> f.getElementId()).containsExactly("to-work", "to-end");
    assertThat(flows).allSatisfy(f -> {
      assertThat(f.getProcessInstanceKey()).isEqualTo(String.valueOf(instanceKey));
      assertThat(f.getProcessDefinitionId()).isEqualTo(processId);
    });
  }

  // --- element instances -------------------------------------------------------------------

  @Test
  @DisplayName("search-element-instances: a completed instance's elements stay searchable, COMPLETED, with start and end")
  void shouldKeepElementInstancesOfCompletedInstance() {
    // given
    String processId = unique("ei-history");
    deploy(serviceTask(processId, "job-" + processId));
    long instanceKey = start(processId, -1, Map.of());
    complete(activateOne("job-" + processId));

    // when
    var elements = client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instanceKey))
        .sort(s -> s.elementInstanceKey().asc()).send().join();

    // then
    assertThat(elements.items()).extracting(ElementInstance::getElementId).containsExactly("start", "work", "end");
    assertThat(elements.items()).allSatisfy(e -> {
      assertThat(e.getState()).isEqualTo(ElementInstanceState.COMPLETED);
      assertThat(e.getProcessDefinitionId()).isEqualTo(processId);
      assertThat(e.getStartDate()).isNotNull();
      assertThat(e.getEndDate()).isNotNull();
    });
    assertThat(elements.items().get(1).getType()).isEqualTo(ElementInstanceType.SERVICE_TASK);
    assertThat(elements.items().get(1).getElementName()).isEqualTo("Do the work");
  }

  @Test
  @DisplayName("search-element-instances: filter by elementId, type and state; sort by elementId descending")
  void shouldFilterElementInstancesByIdTypeAndState() {
    // given
    String processId = unique("ei-filter");
    deploy(serviceTask(processId, "job-" + processId));
    long instanceKey = start(processId, -1, Map.of());

    // when
    var active = client.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).type(ElementInstanceType.SERVICE_TASK).state(ElementInstanceState.ACTIVE))
        .send().join();
    var byId = client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instanceKey).elementId("start")).send().join();
    var sorted = client.newElementInstanceSearchRequest().filter(f -> f.processInstanceKey(instanceKey))
        .sort(s -> s.elementId().desc()).send().join();

    // then
    assertThat(active.items()).singleElement().satisfies(e -> assertThat(e.getElementId()).isEqualTo("work"));
    assertThat(byId.items()).singleElement().satisfies(e -> assertThat(e.getState()).isEqualTo(ElementInstanceState.COMPLETED));
    assertThat(sorted.items()).extracting(ElementInstance::getElementId).containsExactly("work", "start");
  }

  @Test
  @DisplayName("get-element-instance: the element instance by key")
  void shouldGetElementInstanceByKey() {
    // given
    String processId = unique("ei-get");
    deploy(serviceTask(processId, "job-" + processId));
    start(processId, -1, Map.of());
    ActivatedJob job = activateOne("job-" + processId);

    // when
    ElementInstance element = client.newElementInstanceGetRequest(job.getElementInstanceKey()).send().join();

    // then
    assertThat(element.getElementId()).isEqualTo("work");
    assertThat(element.getProcessInstanceKey()).isEqualTo(job.getProcessInstanceKey());
    assertThat(element.getState()).isEqualTo(ElementInstanceState.ACTIVE);
  }

  // --- incidents ---------------------------------------------------------------------------

  @Test
  @DisplayName("search-incidents: a job failed with no retries left raises a JOB_NO_RETRIES incident, found with its key")
  void shouldFindIncidentOfFailedJob() {
    // given
    String processId = unique("incident");
    deploy(serviceTask(processId, "job-" + processId));
    long instanceKey = start(processId, -1, Map.of());
    ActivatedJob job = activateOne("job-" + processId);
    client.newFailCommand(job).retries(0).errorMessage("no luck").send().join();

    // when
    var incidents = client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(IncidentState.ACTIVE).errorType(IncidentErrorType.JOB_NO_RETRIES))
        .send().join();

    // then
    assertThat(incidents.items()).singleElement().satisfies(incident -> {
      assertThat(incident.getIncidentKey()).isPositive();
      assertThat(incident.getJobKey()).isEqualTo(job.getKey());
      assertThat(incident.getElementId()).isEqualTo("work");
      assertThat(incident.getElementInstanceKey()).isEqualTo(job.getElementInstanceKey());
      assertThat(incident.getErrorMessage()).isEqualTo("no luck");
      assertThat(incident.getProcessDefinitionId()).isEqualTo(processId);
      assertThat(client.newIncidentGetRequest(incident.getIncidentKey()).send().join().getState()).isEqualTo(IncidentState.ACTIVE);
      assertThat(client.newElementInstanceGetRequest(job.getElementInstanceKey()).send().join().getIncidentKey())
          .isEqualTo(incident.getIncidentKey());
    });
  }

  @Test
  @DisplayName("search-process-instance-incidents: the incidents of one process instance")
  void shouldSearchIncidentsOfOneInstance() {
    // given
    String processId = unique("incident-of-instance");
    deploy(serviceTask(processId, "job-" + processId));
    long instanceKey = start(processId, -1, Map.of());
    client.newFailCommand(activateOne("job-" + processId)).retries(0).send().join();

    // when
    var incidents = client.newIncidentsByProcessInstanceSearchRequest(instanceKey).send().join();

    // then
    assertThat(incidents.items()).singleElement().satisfies(i -> assertThat(i.getProcessInstanceKey()).isEqualTo(instanceKey));
  }

  // --- variables ---------------------------------------------------------------------------

  @Test
  @DisplayName("search-variables: filter by name and by scope; values are JSON text")
  void shouldSearchVariablesByNameAndScope() {
    // given a process variable and a task-local one (an input mapping)
    String processId = unique("variables");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("work", t -> t.zeebeJobType("job-" + processId).zeebeInputExpression("orderId", "localOrder"))
        .endEvent().done());
    long instanceKey = start(processId, -1, Map.of("orderId", "o-42", "amount", 12));
    ActivatedJob job = activateOne("job-" + processId);

    // when
    var byName = client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instanceKey).name("orderId")).send().join();
    var ofTask = client.newVariableSearchRequest().filter(f -> f.scopeKey(job.getElementInstanceKey())).send().join();
    var ofInstance = client.newVariableSearchRequest().filter(f -> f.scopeKey(instanceKey))
        .sort(s -> s.name().asc()).send().join();

    // then
    assertThat(byName.items()).singleElement().satisfies(v -> {
      assertThat(v.getValue()).isEqualTo("\"o-42\"");
      assertThat(v.getScopeKey()).isEqualTo(instanceKey);
      assertThat(v.isTruncated()).isFalse();
    });
    assertThat(ofTask.items()).singleElement().satisfies(v -> {
      assertThat(v.getName()).isEqualTo("localOrder");
      assertThat(v.getValue()).isEqualTo("\"o-42\"");
    });
    assertThat(ofInstance.items()).extracting(Variable::getName).containsExactly("amount", "orderId");
  }

  @Test
  @DisplayName("get-variable: the variable by key, with its latest value")
  void shouldGetVariableByKeyWithLatestValue() {
    // given
    String processId = unique("variable-get");
    deploy(serviceTask(processId, "job-" + processId));
    long instanceKey = start(processId, -1, Map.of("status", "new"));
    long variableKey = client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instanceKey).name("status")).send().join()
        .singleItem().getVariableKey();
    client.newCompleteCommand(activateOne("job-" + processId)).variables(Map.of("status", "seen")).send().join();

    // when
    Variable variable = client.newVariableGetRequest(variableKey).send().join();

    // then
    assertThat(variable.getName()).isEqualTo("status");
    assertThat(variable.getValue()).isEqualTo("\"seen\"");
    assertThat(variable.getProcessInstanceKey()).isEqualTo(instanceKey);
  }

  // --- process definitions -----------------------------------------------------------------

  @Test
  @DisplayName("search-process-definitions: filter by id, version, latest version and resource name; sort by version")
  void shouldSearchProcessDefinitions() {
    // given
    String processId = unique("definitions");
    long v1 = deploy(serviceTask(processId, "a-" + processId));
    long v2 = deploy(serviceTask(processId, "b-" + processId));

    // when
    var all = client.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.version().desc()).send().join();
    var latest = client.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId(processId).isLatestVersion(true))
        .send().join();
    var first = client.newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(processId).version(1).resourceName(processId + ".bpmn")).send().join();

    // then
    assertThat(all.items()).extracting(d -> d.getProcessDefinitionKey()).containsExactly(v2, v1);
    assertThat(latest.items()).singleElement().satisfies(d -> assertThat(d.getVersion()).isEqualTo(2));
    assertThat(first.items()).singleElement().satisfies(d -> {
      assertThat(d.getProcessDefinitionKey()).isEqualTo(v1);
      assertThat(d.getName()).isEqualTo("Process " + processId);
    });
  }

  @Test
  @DisplayName("get-process-definition-xml: the BPMN XML as deployed")
  void shouldReturnDeployedXml() {
    // given
    String processId = unique("xml");
    BpmnModelInstance model = serviceTask(processId, "job-" + processId);
    String xml = Bpmn.convertToString(model);
    long key = client.newDeployResourceCommand().addResourceString(xml, StandardCharsets.UTF_8, processId + ".bpmn")
        .send().join().getProcesses().get(0).getProcessDefinitionKey();

    // when
    String served = client.newProcessDefinitionGetXmlRequest(key).send().join();

    // then
    assertThat(served).isEqualTo(xml);
    assertThat(client.newProcessDefinitionGetRequest(key).send().join().getProcessDefinitionId()).isEqualTo(processId);
  }

  // --- bad requests ------------------------------------------------------------------------

  @Test
  @DisplayName("data fetching / RFC 9457: a malformed filter value is a 400 problem")
  void shouldAnswerBadFilterWith400() {
    // when
    var problem = catchThrowableOfType(ProblemException.class, () ->
        client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionVersion(v -> v.gt(1)).processInstanceKey(-5L))
            .send().join());

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("processInstanceKey");
  }

  @Test
  @DisplayName("data fetching / RFC 9457: a filter the engine cannot apply is a 400 problem, not silently ignored")
  void shouldAnswerUnsupportedFilterWith400() {
    // when
    var problem = catchThrowableOfType(ProblemException.class, () ->
        client.newProcessInstanceSearchRequest().filter(f -> f.batchOperationId("batch-1")).send().join());

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("batchOperationId");
  }

  @Test
  @DisplayName("get-process-instance, get-incident, get-variable, get-element-instance, get-process-definition: unknown key is 404")
  void shouldAnswerUnknownKeysWith404() {
    long unknown = 4_000_000_000_000_000L;

    assertThat(notFound(() -> client.newProcessInstanceGetRequest(unknown).send().join())).isEqualTo(404);
    assertThat(notFound(() -> client.newElementInstanceGetRequest(unknown).send().join())).isEqualTo(404);
    assertThat(notFound(() -> client.newIncidentGetRequest(unknown).send().join())).isEqualTo(404);
    assertThat(notFound(() -> client.newVariableGetRequest(unknown).send().join())).isEqualTo(404);
    assertThat(notFound(() -> client.newProcessDefinitionGetRequest(unknown).send().join())).isEqualTo(404);
    assertThat(notFound(() -> client.newProcessDefinitionGetXmlRequest(unknown).send().join())).isEqualTo(404);
    assertThat(notFound(() -> client.newProcessInstanceSequenceFlowsRequest(unknown).send().join())).isEqualTo(404);
  }

  // --- helpers -----------------------------------------------------------------------------

  private static int notFound(Runnable request) {
    return catchThrowableOfType(ProblemException.class, request::run).code();
  }

  private static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
  }

  private static BpmnModelInstance serviceTask(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId).name("Process " + processId)
        .startEvent("start")
        .serviceTask("work", t -> t.name("Do the work").zeebeJobType(jobType))
        .endEvent("end")
        .done();
  }

  private long deploy(BpmnModelInstance model) {
    String processId = model.getModelElementsByType(Process.class).iterator().next().getId();
    return client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join()
        .getProcesses().get(0).getProcessDefinitionKey();
  }

  private long start(String processId, int version, Map<String, Object> variables) {
    var command = client.newCreateInstanceCommand().bpmnProcessId(processId);
    var step = version < 0 ? command.latestVersion() : command.version(version);
    return step.variables(variables).send().join().getProcessInstanceKey();
  }

  private ActivatedJob activateOne(String jobType) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    assertThat(jobs).as("a job of type %s", jobType).hasSize(1);
    return jobs.get(0);
  }

  private void complete(ActivatedJob job) {
    client.newCompleteCommand(job).send().join();
  }
}
