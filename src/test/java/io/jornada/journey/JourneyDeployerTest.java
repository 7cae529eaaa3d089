package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class JourneyDeployerTest {

  @Test
  void shouldDeployEveryJourneyAndDecisionInOneDeployment() throws Exception {
    try (var gateway = new RecordingGateway(0);
        CamundaClient client = gateway.client()) {
      // given
      var deployer = deployer(client, 1);

      // when
      var deployment = deployer.deploy();

      // then
      assertThat(deployment.getProcesses()).extracting("bpmnProcessId").containsExactly("lead-nurture");
      assertThat(gateway.calls).singleElement().satisfies(call -> {
        assertThat(call.path()).isEqualTo("/v2/deployments");
        assertThat(call.body())
            .contains("filename=\"lead-nurture.bpmn\"")
            .contains("filename=\"segment-lead.dmn\"")
            .contains("filename=\"choose-channel.dmn\"");
      });
    }
  }

  @Test
  void shouldRetryWhileTheGatewayIsNotReady() throws Exception {
    try (var gateway = new RecordingGateway(2);
        CamundaClient client = gateway.client()) {
      // when
      var deployment = deployer(client, 3).deploy();

      // then
      assertThat(deployment.getKey()).isEqualTo(2251799813685250L);
      assertThat(gateway.calls).hasSize(3);
    }
  }

  @Test
  void shouldFailAfterTheLastAttempt() throws Exception {
    try (var gateway = new RecordingGateway(5);
        CamundaClient client = gateway.client()) {
      // when / then
      assertThatThrownBy(() -> deployer(client, 2).deploy()).isInstanceOf(RuntimeException.class);
      assertThat(gateway.calls).hasSize(2);
    }
  }

  private static JourneyDeployer deployer(CamundaClient client, int attempts) {
    return new JourneyDeployer(
        client, new PathMatchingResourcePatternResolver(), attempts, Duration.ofMillis(10));
  }
}
