package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

  private static TrainedModel model;

  @TempDir Path root;

  @BeforeAll
  static void trainModel() {
    model = TestModels.train(TestModels.population(31, 2_000));
  }

  @AfterAll
  static void disposeModel() {
    model.booster().dispose();
  }

  @Test
  void shouldBeEmptyWithoutModels() {
    assertThat(new ModelRegistry(root.resolve("absent")).latest()).isEmpty();
  }

  @Test
  void shouldLoadTheNewestVersionWithItsMetadata() throws IOException {
    // given
    ModelRegistry registry = new ModelRegistry(root);
    registry.save(model, TestModels.NOW);
    registry.save(model, TestModels.NOW.plusSeconds(60));

    // when
    LoadedModel latest = registry.latest().orElseThrow();

    // then
    try {
      assertThat(latest.metadata().version()).isEqualTo("v0002");
      assertThat(latest.metadata().createdAt()).isEqualTo(TestModels.NOW.plusSeconds(60));
      assertThat(latest.metadata().featureNames()).isEqualTo(LeadFeatures.NAMES);
      assertThat(latest.metadata().trainingDataSha256()).isEqualTo(model.trainingDataSha256()).hasSize(64);
      assertThat(latest.metadata().metrics()).containsKey("validationAuc");
      assertThat(latest.metadata().calibration()).isEqualTo(model.calibration());
      assertThat(root.resolve("v0002/model.ubj")).isNotEmptyFile();
      assertThat(Files.readString(root.resolve("v0002/metadata.json"))).contains("\"days_since_created\"");
    } finally {
      latest.booster().dispose();
    }
  }

  @Test
  void shouldLoadAModelStoredBeforeCalibrationWasFitted() throws IOException {
    // given metadata without the calibration and booster fields, as older versions wrote it
    ModelRegistry registry = new ModelRegistry(root);
    String version = registry.save(model, TestModels.NOW).version();
    Path metadata = root.resolve(version).resolve("metadata.json");
    String json = Files.readString(metadata)
        .replaceAll("(?s)\"calibration\"\\s*:\\s*\\{.*?\\},", "")
        .replaceAll("\"booster\"\\s*:\\s*\"gbtree\",", "");
    assertThat(json).doesNotContain("calibration", "booster");
    Files.writeString(metadata, json);

    // when
    LoadedModel loaded = registry.load(version);

    // then: the prior shift that undoes the class weighting
    try {
      assertThat(loaded.metadata().calibration())
          .isEqualTo(Calibration.priorShift(model.scalePosWeight()));
      assertThat(loaded.metadata().parameters().booster()).isEqualTo("gbtree");
    } finally {
      loaded.booster().dispose();
    }
  }

  @Test
  void shouldRejectAModelTrainedOnAnotherFeatureList() throws IOException {
    // given a stored model whose metadata names a feature that serving no longer computes
    ModelRegistry registry = new ModelRegistry(root);
    String version = registry.save(model, TestModels.NOW).version();
    Path metadata = root.resolve(version).resolve("metadata.json");
    Files.writeString(
        metadata, Files.readString(metadata).replace("\"consent_sms\"", "\"consent_push\""));

    // when / then
    assertThatThrownBy(registry::latest)
        .isInstanceOf(IncompatibleModelException.class)
        .hasMessageContaining(version)
        .hasMessageContaining("[consent_sms]")
        .hasMessageContaining("[consent_push]");
  }

  @Test
  void shouldRejectAModelWithReorderedFeatures() throws IOException {
    // given
    ModelRegistry registry = new ModelRegistry(root);
    String version = registry.save(model, TestModels.NOW).version();
    Path metadata = root.resolve(version).resolve("metadata.json");
    Files.writeString(
        metadata,
        Files.readString(metadata)
            .replace("\"consent_email\"", "\"swap\"")
            .replace("\"consent_sms\"", "\"consent_email\"")
            .replace("\"swap\"", "\"consent_sms\""));

    // when / then
    assertThatThrownBy(() -> registry.load(version))
        .isInstanceOf(IncompatibleModelException.class)
        .hasMessageContaining("another order");
  }
}
