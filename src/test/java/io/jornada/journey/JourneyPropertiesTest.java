package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class JourneyPropertiesTest {

  @EnableConfigurationProperties(JourneyProperties.class)
  static class Config {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Config.class);

  @Test
  void shouldDefaultToThreeAttemptsThreeDaysApartAndAHandOffAt60Percent() {
    context.run(
        started ->
            assertThat(started.getBean(JourneyProperties.class))
                .isEqualTo(new JourneyProperties(Duration.ofHours(72), 3, 0.6)));
  }

  @Test
  void shouldBindTheJornadaJourneyKeys() {
    context
        .withPropertyValues(
            "jornada.journey.engagement-wait=PT10M",
            "jornada.journey.max-attempts=5",
            "jornada.journey.hand-off-threshold=0.75")
        .run(
            started ->
                assertThat(started.getBean(JourneyProperties.class))
                    .isEqualTo(
                        new JourneyProperties(Duration.ofMinutes(10), 5, 0.75)));
  }
}
