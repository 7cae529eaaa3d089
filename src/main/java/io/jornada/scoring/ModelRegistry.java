package io.jornada.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Versioned models in a folder: {@code <root>/v0001/model.ubj} (XGBoost's UBJSON format) and
 * {@code <root>/v0001/metadata.json}. Versions are numbered in save order; the highest is the
 * latest.
 *
 * <p>A version is written in a hidden temporary folder and renamed into place, so a reader never
 * sees half a model. One writer at a time is assumed (the application at start-up, or the train
 * command).
 */
final class ModelRegistry {

  private static final Pattern VERSION = Pattern.compile("v(\\d+)");
  private static final String MODEL_FILE = "model.ubj";
  private static final String METADATA_FILE = "metadata.json";

  private final Path root;
  private final ObjectMapper json =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  ModelRegistry(Path root) {
    this.root = root;
  }

  /** Stores the model as the next version and returns its metadata. */
  ModelMetadata save(TrainedModel model, Instant createdAt) {
    List<String> versions = versions();
    int last = versions.isEmpty() ? 0 : number(versions.get(versions.size() - 1));
    String version = String.format("v%04d", last + 1);
    ModelMetadata metadata =
        new ModelMetadata(
            version,
            createdAt,
            LeadFeatures.NAMES,
            model.scalePosWeight(),
            model.calibration(),
            model.trainingDataSha256(),
            model.metrics(),
            model.parameters());
    try {
      Files.createDirectories(root);
      Path staging = Files.createTempDirectory(root, ".staging-");
      model.booster().saveModel(staging.resolve(MODEL_FILE).toString());
      json.writeValue(staging.resolve(METADATA_FILE).toFile(), metadata);
      Files.move(staging, root.resolve(version));
      return metadata;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save model " + version + " under " + root, e);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot write model " + version, e);
    }
  }

  /** The newest version, or empty when the registry holds none. */
  Optional<LoadedModel> latest() {
    List<String> versions = versions();
    return versions.isEmpty() ? Optional.empty() : Optional.of(load(versions.get(versions.size() - 1)));
  }

  /**
   * Loads one version.
   *
   * @throws IncompatibleModelException when its feature list differs from {@link LeadFeatures}
   */
  LoadedModel load(String version) {
    Path folder = root.resolve(version);
    ModelMetadata metadata;
    try {
      metadata = json.readValue(folder.resolve(METADATA_FILE).toFile(), ModelMetadata.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read metadata of model " + version + " in " + root, e);
    }
    checkFeatures(metadata);
    try {
      Booster booster = XGBoost.loadModel(folder.resolve(MODEL_FILE).toString());
      if (booster.getNumFeature() != LeadFeatures.NAMES.size()) {
        booster.dispose();
        throw new IncompatibleModelException(
            "Model " + version + " has " + booster.getNumFeature() + " feature columns but its"
                + " metadata lists " + LeadFeatures.NAMES.size() + "; the model file is not the one"
                + " described by metadata.json");
      }
      return new LoadedModel(metadata, booster);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot read model " + version + " in " + root, e);
    }
  }

  private static void checkFeatures(ModelMetadata metadata) {
    List<String> expected = LeadFeatures.NAMES;
    List<String> actual = metadata.featureNames();
    if (actual.equals(expected)) {
      return;
    }
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(actual);
    List<String> unexpected = new ArrayList<>(actual);
    unexpected.removeAll(expected);
    String difference =
        missing.isEmpty() && unexpected.isEmpty()
            ? "the same features in another order: model has " + actual + ", serving computes " + expected
            : "features missing from the model " + missing + ", features unknown to serving " + unexpected;
    throw new IncompatibleModelException(
        "Model "
            + metadata.version()
            + " was trained on a different feature list than LeadFeatures: "
            + difference
            + ". Retrain the model or delete it so that a compatible one is trained.");
  }

  /** Version folder names, oldest first. */
  private static int number(String version) {
    return Integer.parseInt(version.substring(1));
  }

  private List<String> versions() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(Files::isDirectory)
          .map(path -> path.getFileName().toString())
          .filter(name -> VERSION.matcher(name).matches())
          .sorted(Comparator.comparingInt(ModelRegistry::number))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list models in " + root, e);
    }
  }
}
