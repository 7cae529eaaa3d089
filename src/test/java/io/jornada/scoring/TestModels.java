package io.jornada.scoring;

import java.time.Instant;
import java.util.List;

/** Shared fixtures: a fixed reference time and small trained models. */
final class TestModels {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  private TestModels() {}

  static List<SyntheticLead> population(long seed, int size) {
    return new SyntheticPopulation(seed, NOW).generate(size);
  }

  static TrainedModel train(List<SyntheticLead> leads) {
    return new ModelTrainer(TrainingParameters.defaults())
        .train(leads.stream().map(lead -> lead.example(NOW)).toList());
  }
}
