package io.jornada.journey;

import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers the two REST v2 calls the journey package makes (deploy,
 * publish message) and records the bodies, so the unmodified Camunda client can be tested here
 * before the embedded engine exists. It can answer 502 to the first calls to simulate a gateway
 * that is not up yet (not 503: the client's HTTP layer retries that one by itself), and 409 to
 * publications to simulate a message id the engine already has.
 */
final class RecordingGateway implements AutoCloseable {

  record Call(String path, String body) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  /** How many of the next message publications are answered 409, as a message id already buffered. */
  final AtomicInteger conflicts = new AtomicInteger();
  /** How many of the next message publications are answered 400, as a request the engine refuses. */
  final AtomicInteger refusals = new AtomicInteger();
  /** How many of the next message publications are answered 429, as an engine under back-pressure. */
  final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger unavailableCalls;
  private final HttpServer server;

  RecordingGateway(int unavailableCalls) throws IOException {
    this.unavailableCalls = new AtomicInteger(unavailableCalls);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/deployments", exchange -> answer(exchange, DEPLOYED));
    server.createContext("/v2/messages/publication", exchange -> {
      if (conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        problem(exchange, 409, "ALREADY_EXISTS", "already published");
      } else if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        problem(exchange, 400, "INVALID_ARGUMENT", "no message name");
      } else if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        problem(exchange, 429, "RESOURCE_EXHAUSTED", "too many requests");
      } else {
        answer(exchange, PUBLISHED);
      }
    });
    server.start();
  }

  CamundaClient client() {
    return CamundaClient.newClientBuilder()
        .preferRestOverGrpc(true)
        .restAddress(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .applyEnvironmentVariableOverrides(false)
        .build();
  }

  private void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(new Call(exchange.getRequestURI().getPath(), body));
    boolean unavailable = unavailableCalls.getAndDecrement() > 0;
    byte[] response =
        (unavailable
                ? "{\"type\":\"about:blank\",\"title\":\"Bad Gateway\",\"status\":502,\"detail\":\"starting\"}"
                : json)
            .getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("Content-Type", unavailable ? "application/problem+json" : "application/json");
    exchange.sendResponseHeaders(unavailable ? 502 : 200, response.length);
    exchange.getResponseBody().write(response);
    exchange.close();
  }

  private void problem(com.sun.net.httpserver.HttpExchange exchange, int status, String title, String detail) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(new Call(exchange.getRequestURI().getPath(), body));
    byte[] response = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
    exchange.sendResponseHeaders(status, response.length);
    exchange.getResponseBody().write(response);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static final String DEPLOYED =
      """
      {"deploymentKey":"2251799813685250","tenantId":"<default>","deployments":[
        {"processDefinition":{"processDefinitionId":"lead-nurture","processDefinitionVersion":1,
          "resourceName":"lead-nurture.bpmn","tenantId":"<default>","processDefinitionKey":"2251799813685251"}},
        {"decisionDefinition":{"decisionDefinitionId":"segment-lead","name":"Segmentar lead","version":1,
          "decisionRequirementsId":"segment-lead-definitions","decisionRequirementsKey":"2251799813685252",
          "tenantId":"<default>","decisionDefinitionKey":"2251799813685253"}}]}
      """;

  private static final String PUBLISHED = "{\"tenantId\":\"<default>\",\"messageKey\":\"2251799813685260\"}";
}
