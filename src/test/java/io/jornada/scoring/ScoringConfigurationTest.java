package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ScoringConfigurationTest {

  @TempDir Path modelDir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(ScoringConfiguration.class)
        .withPropertyValues(
            "jornada.scoring.model-dir=" + modelDir,
            "jornada.scoring.bootstrap.population-size=2000",
            "jornada.scoring.bands.a=0.7");
  }

  @Test
  void shouldTrainAndSaveABootstrapModelWhenTheRegistryIsEmpty() {
    runner()
        .run(
            context -> {
              assertThat(context).hasSingleBean(LeadScorer.class);
              assertThat(modelDir.resolve("v0001/model.ubj")).isNotEmptyFile();
              assertThat(context.getBean(ScoringProperties.class).bands().toScoreBands().a()).isEqualTo(0.7);
            });
  }

  @Test
  void shouldReuseTheStoredModelOnTheNextStart() {
    // given
    runner().run(context -> assertThat(context).hasNotFailed());

    // when / then
    runner()
        .run(
            context -> {
              LeadScorer scorer = context.getBean(LeadScorer.class);
              SyntheticLead lead = TestModels.population(1, 1).get(0);
              assertThat(scorer.score(lead.profile()).modelVersion()).isEqualTo("v0001");
              assertThat(modelDir.resolve("v0002")).doesNotExist();
            });
  }

  @Test
  void shouldFailToStartWithoutAModelWhenBootstrapIsDisabled() {
    runner()
        .withPropertyValues("jornada.scoring.bootstrap.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("bootstrap.enabled is false"));
  }
}
