package io.jornada.gateway;

import static io.jornada.gateway.EngineTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad requests get 4xx problems naming what is wrong, never a 5xx, and leave the engine serving. */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @LocalServerPort int port;

  private CamundaClient client;

  @BeforeEach
  void createClient() {
    client = EngineTestSupport.client(port);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void shouldAnswerMalformedJsonWithBadRequestProblem() throws Exception {
    // when
    var response = post("/v2/process-instances", "{\"processDefinitionId\": \"x\", ");

    // then
    assertProblem(response, 400);
  }

  @Test
  void shouldAnswerWrongJsonTypesWithBadRequestProblem() throws Exception {
    assertProblem(post("/v2/process-instances", "[1, 2]"), 400);
    assertProblem(post("/v2/process-instances", "{\"processDefinitionId\": \"x\", \"processDefinitionVersion\": \"one\"}"), 400);
    assertProblem(post("/v2/process-instances", "{\"processDefinitionKey\": \"abc\"}"), 400);
    assertProblem(post("/v2/process-instances", "{}"), 400);
    assertProblem(post("/v2/jobs/activation", "{\"type\": \"t\", \"maxJobsToActivate\": 0}"), 400);
    assertProblem(post("/v2/messages/publication", "{\"name\": \"paid\", \"timeToLive\": -1}"), 400);
    assertProblem(post("/v2/messages/correlation", "{\"correlationKey\": \"k\"}"), 400);
  }

  @Test
  void shouldAnswerUnknownJobKeyWithNotFoundProblem() throws Exception {
    // when
    var raw = post("/v2/jobs/987654321/completion", "{}");
    var failure = catchThrowableOfType(ProblemException.class, () -> client.newCompleteCommand(987654321L).send().join());

    // then
    assertProblem(raw, 404);
    assertThat(failure).isNotNull();
    assertThat(failure.code()).isEqualTo(404);
    assertThat(failure.details().getDetail()).contains("987654321");
  }

  @Test
  void shouldAnswerNonNumericJobKeyWithBadRequestProblem() throws Exception {
    // when
    var response = post("/v2/jobs/abc/completion", "{}");

    // then
    assertThat(assertProblem(response, 400).path("detail").asText()).contains("abc");
  }

  @Test
  void shouldAnswerUnknownProcessIdWithNotFoundProblem() throws Exception {
    // when
    var raw = post("/v2/process-instances", "{\"processDefinitionId\": \"no-such-process\"}");
    var failure = catchThrowableOfType(ProblemException.class,
        () -> client.newCreateInstanceCommand().bpmnProcessId("no-such-process").latestVersion().send().join());

    // then
    assertThat(assertProblem(raw, 404).path("detail").asText()).contains("no-such-process");
    assertThat(failure).isNotNull();
    assertThat(failure.code()).isEqualTo(404);
  }

  @Test
  void shouldRejectGarbageBpmnWithBadRequest() {
    // when
    var failure = deployFailure(() -> client.newDeployResourceCommand()
        .addResourceBytes("this is <not> a process".getBytes(StandardCharsets.UTF_8), "garbage.bpmn").send().join());

    // then
    assertThat(failure.code()).isEqualTo(400);
    assertThat(failure.details().getDetail()).isNotBlank();
  }

  @Test
  void shouldRejectCamundaUserTaskNamingElementIdAndType() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess(unique("user-task"))
        .startEvent().userTask("approveByHand", t -> t.zeebeUserTask()).endEvent().done();

    // when
    var failure = deployFailure(() -> client.newDeployResourceCommand().addProcessModel(model, "user.bpmn").send().join());

    // then
    assertThat(failure.code()).isEqualTo(400);
    assertThat(failure.details().getDetail()).contains("approveByHand").containsIgnoringCase("userTask");
  }

  @Test
  void shouldRejectEscalationThrowEventNamingElementIdAndType() {
    // given
    BpmnModelInstance model = Bpmn.createExecutableProcess(unique("escalation"))
        .startEvent().intermediateThrowEvent("escalateToSales").escalation("late").endEvent()
        .done();

    // when
    var failure = deployFailure(() -> client.newDeployResourceCommand().addProcessModel(model, "escalation.bpmn").send().join());

    // then
    assertThat(failure.code()).isEqualTo(400);
    assertThat(failure.details().getDetail()).contains("escalateToSales").containsIgnoringCase("escalationEventDefinition");
  }

  @Test
  void shouldAnswerNonNumericVersionFilterWithBadRequestProblem() throws Exception {
    // when
    var response = post("/v2/process-instances/search", "{\"filter\": {\"processDefinitionVersion\": \"abc\"}}");

    // then
    assertProblem(response, 400);
  }

  @Test
  void shouldAnswerNegativePageLimitWithBadRequestProblem() throws Exception {
    // when
    var response = post("/v2/process-instances/search", "{\"page\": {\"limit\": -1}}");

    // then
    assertProblem(response, 400);
  }

  @Test
  void shouldAnswerNegativePageFromWithBadRequestProblem() throws Exception {
    // when
    var response = post("/v2/process-instances/search", "{\"page\": {\"from\": -1}}");

    // then
    assertProblem(response, 400);
  }

  @Test
  void shouldAnswerBadSearchQueriesWithBadRequestProblems() throws Exception {
    assertProblem(post("/v2/element-instances/search", "{\"sort\": [{\"field\": \"colour\", \"order\": \"ASC\"}]}"), 400);
    assertProblem(post("/v2/incidents/search", "{\"sort\": [{\"field\": \"incidentKey\", \"order\": \"UP\"}]}"), 400);
    assertProblem(post("/v2/variables/search", "{\"filter\": {\"name\": {\"$regex\": \"a.*\"}}}"), 400);
    assertProblem(post("/v2/variables/search", "{\"filter\": {\"scopeKey\": {\"$like\": \"1*\"}}}"), 400);
    assertProblem(post("/v2/element-instances/search", "{\"filter\": {\"state\": \"SLEEPING\"}}"), 400);
    assertProblem(post("/v2/incidents/search", "{\"filter\": {\"creationTime\": {\"$gt\": \"yesterday\"}}}"), 400);
    assertProblem(post("/v2/process-definitions/search", "{\"filter\": {\"colour\": \"blue\"}}"), 400);
    assertProblem(post("/v2/process-instances/search", "{\"page\": {\"after\": \"not-a-cursor\"}}"), 400);
    assertProblem(post("/v2/process-instances/search", "[]"), 400);
    assertProblem(get("/v2/process-instances/abc"), 400);
    assertProblem(get("/v2/variables/-1"), 400);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void shouldStillServeDeploymentsAndInstancesAfterBadInput() throws Exception {
    // given the bad requests above, and a few more
    post("/v2/deployments", "{}");
    post("/v2/jobs/-1/failure", "{\"retries\": 1}");
    post("/v2/jobs/0/error", "{}");
    String processId = unique("healthy");
    String jobType = unique("healthy-job");
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
        .startEvent().serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent().done();

    // when
    var deployment = client.newDeployResourceCommand().addProcessModel(model, "healthy.bpmn").send().join();
    var instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("ok", true)).send().join();
    var jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1).requestTimeout(Duration.ofSeconds(5))
        .send().join().getJobs();

    // then
    assertThat(deployment.getProcesses()).singleElement().satisfies(p -> assertThat(p.getVersion()).isEqualTo(1));
    assertThat(jobs).singleElement().satisfies(job -> assertThat(job.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey()));
    client.newCompleteCommand(jobs.get(0)).send().join();
  }

  // --- helpers ----------------------------------------------------------------------------

  private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s -> %s", path, body, response.body()).isLessThan(500);
    return response;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json, application/problem+json")
        .GET()
        .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s -> %s", path, response.body()).isLessThan(500);
    return response;
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
    String description = response.request().uri() + " -> " + response.statusCode() + " " + response.body();
    assertThat(response.statusCode()).as(description).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(description).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).as(description).isEqualTo(status);
    assertThat(problem.path("detail").asText()).as(description).isNotBlank();
    return problem;
  }

  private static ProblemException deployFailure(Executable deploy) {
    var failure = catchThrowableOfType(ProblemException.class, deploy::execute);
    assertThat(failure).as("deployment is rejected with a problem").isNotNull();
    assertThat(failure.code()).isLessThan(500);
    return failure;
  }
}
