package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelEvaluationTest {

  @TempDir Path out;

  @Test
  void shouldBeCalibratedAndNearlyBayesOptimalOnHeldOutLeads() {
    // given
    var training = TestModels.population(42, 20_000);
    var heldOut = TestModels.population(4242, 20_000);

    // when
    ModelEvaluation.Result result =
        ModelEvaluation.synthetic(TrainingParameters.defaults(), training, heldOut, TestModels.NOW, out);

    // then
    assertThat(result.ece()).isLessThanOrEqualTo(ModelEvaluation.TARGET_ECE);
    assertThat(result.auc()).isGreaterThanOrEqualTo(ModelEvaluation.TARGET_BAYES_RATIO * result.bayesAuc());
    assertThat(result.auc() - result.logregAuc()).isGreaterThanOrEqualTo(ModelEvaluation.TARGET_LOGREG_GAIN);
    assertThat(result.summary()).matches("evaluate: auc=0\\.\\d{4} bayes_auc=0\\.\\d{4} logreg_auc=0\\.\\d{4} ece=0\\.\\d{4}");
    assertThat(out.resolve("report.md")).content().contains("reliability diagram", "| decile |", result.summary());
    assertThat(out.resolve("roc.png")).isNotEmptyFile();
    assertThat(out.resolve("calibration.png")).isNotEmptyFile();
    assertThat(out.resolve("gains.png")).isNotEmptyFile();
    assertThat(out.resolve("lift.png")).isNotEmptyFile();
  }
}
