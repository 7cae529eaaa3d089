package io.jornada.scoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a first model on a synthetic population so that a fresh installation scores leads
 * without historical data; a model trained on real conversions replaces it by being saved later.
 */
final class BootstrapTraining {

  private static final Logger log = LoggerFactory.getLogger(BootstrapTraining.class);

  private final ModelRegistry registry;
  private final ScoringProperties.Bootstrap settings;
  private final TrainingParameters parameters;
  private final Clock clock;

  BootstrapTraining(
      ModelRegistry registry,
      ScoringProperties.Bootstrap settings,
      TrainingParameters parameters,
      Clock clock) {
    this.registry = registry;
    this.settings = settings;
    this.parameters = parameters;
    this.clock = clock;
  }

  /** The latest registry model, training and saving one first when the registry is empty. */
  LoadedModel latestOrTrain() {
    return registry.latest().orElseGet(this::trainAndSave);
  }

  private LoadedModel trainAndSave() {
    if (!settings.enabled()) {
      throw new IllegalStateException(
          "No scoring model in the registry and jornada.scoring.bootstrap.enabled is false");
    }
    Instant started = clock.instant();
    var leads = new SyntheticPopulation(settings.seed(), started).generate(settings.populationSize());
    TrainedModel model =
        new ModelTrainer(parameters)
            .train(leads.stream().map(lead -> lead.example(started)).toList());
    try {
      ModelMetadata metadata = registry.save(model, clock.instant());
      log.info(
          "Trained bootstrap scoring model {} on {} synthetic leads in {} ms: validation AUC {}",
          metadata.version(),
          leads.size(),
          Duration.between(started, clock.instant()).toMillis(),
          String.format("%.3f", model.metrics().get("validationAuc")));
      return registry.load(metadata.version());
    } finally {
      model.booster().dispose();
    }
  }
}
