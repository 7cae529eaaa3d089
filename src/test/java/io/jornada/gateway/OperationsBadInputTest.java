package io.jornada.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad requests to the clock, signal, job update and incident resolution endpoints get 4xx problems, never a 5xx. */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsBadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @LocalServerPort int port;

  @Test
  void shouldAnswerBadClockPinsWithBadRequest() throws Exception {
    assertProblem(send("PUT", "/v2/clock", "{}"), 400);
    assertProblem(send("PUT", "/v2/clock", "{\"timestamp\": -5}"), 400);
    assertProblem(send("PUT", "/v2/clock", "{\"timestamp\": \"noon\"}"), 400);
  }

  @Test
  void shouldAnswerBadSignalBroadcastsWithBadRequest() throws Exception {
    assertProblem(send("POST", "/v2/signals/broadcast", "{}"), 400);
    assertProblem(send("POST", "/v2/signals/broadcast", "{\"signalName\": \" \"}"), 400);
    assertProblem(send("POST", "/v2/signals/broadcast", "{\"signalName\": \"s\", \"variables\": [1]}"), 400);
  }

  @Test
  void shouldAnswerBadJobUpdatesWithProblems() throws Exception {
    assertProblem(send("PATCH", "/v2/jobs/123", "{}"), 400);
    assertProblem(send("PATCH", "/v2/jobs/123", "{\"changeset\": {}}"), 400);
    assertProblem(send("PATCH", "/v2/jobs/abc", "{\"changeset\": {\"retries\": 1}}"), 400);
    assertProblem(send("PATCH", "/v2/jobs/123", "{\"changeset\": {\"retries\": 1}}"), 404);
  }

  @Test
  void shouldAnswerBadIncidentResolutionsWithProblems() throws Exception {
    assertProblem(send("POST", "/v2/incidents/abc/resolution", "{}"), 400);
    assertProblem(send("POST", "/v2/incidents/123/resolution", "{}"), 404);
  }

  private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
    String description = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode() + " " + response.body();
    assertThat(response.statusCode()).as(description).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(description)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).path("detail").asText()).as(description).isNotBlank();
  }
}
