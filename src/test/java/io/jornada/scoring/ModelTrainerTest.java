package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

  @Test
  void shouldTrainTheSameModelTwiceWithTheSameSeed() throws XGBoostError {
    // given
    List<SyntheticLead> training = TestModels.population(11, 4_000);
    List<SyntheticLead> heldOut = TestModels.population(12, 500);

    // when
    TrainedModel first = TestModels.train(training);
    TrainedModel second = TestModels.train(training);

    // then
    try {
      assertThat(predictions(second.booster(), heldOut)).isEqualTo(predictions(first.booster(), heldOut));
      assertThat(second.trainingDataSha256()).isEqualTo(first.trainingDataSha256());
      assertThat(second.metrics()).isEqualTo(first.metrics());
    } finally {
      first.booster().dispose();
      second.booster().dispose();
    }
  }

  @Test
  void shouldRankHeldOutLeadsNearlyAsWellAsTheGroundTruth() throws XGBoostError {
    // given
    List<SyntheticLead> training = TestModels.population(21, 15_000);
    List<SyntheticLead> heldOut = TestModels.population(22, 5_000);

    // when
    TrainedModel model = TestModels.train(training);
    double modelAuc;
    try {
      modelAuc = Auc.of(predictions(model.booster(), heldOut), outcomes(heldOut));
    } finally {
      model.booster().dispose();
    }

    // then
    double bayesAuc = GroundTruthModel.optimalAuc(heldOut);
    assertThat(modelAuc).isGreaterThanOrEqualTo(0.9 * bayesAuc);
    assertThat(model.metrics().get("validationAuc")).isGreaterThan(0.5);
  }

  private static double[] predictions(Booster booster, List<SyntheticLead> leads) throws XGBoostError {
    int columns = LeadFeatures.NAMES.size();
    float[] data = new float[leads.size() * columns];
    for (int i = 0; i < leads.size(); i++) {
      System.arraycopy(LeadFeatures.of(leads.get(i).profile(), TestModels.NOW), 0, data, i * columns, columns);
    }
    DMatrix matrix = new DMatrix(data, leads.size(), columns, Float.NaN);
    try {
      float[][] predictions = booster.predict(matrix);
      double[] values = new double[predictions.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = predictions[i][0];
      }
      return values;
    } finally {
      matrix.dispose();
    }
  }

  private static boolean[] outcomes(List<SyntheticLead> leads) {
    boolean[] outcomes = new boolean[leads.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = leads.get(i).converted();
    }
    return outcomes;
  }
}
