package io.jornada.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The engine's metrics on the actuator Prometheus endpoint, with a real journal on disk. */
@AutoConfigureObservability
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineMetricsTest {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void journal(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("jornada-metrics");
    registry.add("jornada.engine.data-dir", dir::toString);
  }

  @Test
  void shouldExposeThroughputJournalLatencyJobsIncidentsAndWaitingInstances() {
    // given
    String processId = EngineTestSupport.unique("metered");
    String jobType = EngineTestSupport.unique("metered-work");
    try (CamundaClient client = EngineTestSupport.client(port)) {
      EngineTestSupport.deploy(client, Bpmn.createExecutableProcess(processId)
          .startEvent().serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent().done());

      // when
      client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
      client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    }

    // then
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      String metrics = scrape();
      assertThat(metrics).contains("jornada_engine_commands_total{command=\"CreateProcessInstance\"");
      assertThat(metrics).contains("jornada_engine_events_total");
      assertThat(metrics).contains("jornada_engine_journal_fsync_seconds_count");
      assertThat(metrics).contains("jornada_engine_journal_write_seconds{quantile=\"0.99\"");
      assertThat(metrics).contains("jornada_engine_incidents_open");
      assertThat(metrics).contains("jornada_engine_jobs_activatable{type=\"" + jobType + "\"} 2.0");
      assertThat(metrics).contains("jornada_engine_elements_active{element=\"work\",process=\"" + processId + "\"} 2.0");
    });
  }

  private String scrape() throws Exception {
    return HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
