package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void shouldFitIsotonicToAMonotoneStepFunction() {
    // given margins whose true conversion rate is 0.1 below 0 and 0.7 from 0
    Sample sample = sample(40_000, m -> m < 0 ? 0.1 : 0.7, 1);

    // when
    Calibration calibration = Calibration.fitIsotonic(sample.margins(), sample.outcomes());

    // then
    assertThat(calibration.method()).isEqualTo("isotonic");
    assertThat(calibration.probabilities()).isSorted();
    assertThat(calibration.probability(-2)).isCloseTo(0.1, within(0.03));
    assertThat(calibration.probability(2)).isCloseTo(0.7, within(0.03));
  }

  @Test
  void shouldPoolAdjacentViolators() {
    // given outcomes that go down where margins go up
    double[] margins = {1, 2, 3, 4};
    boolean[] outcomes = {false, true, false, true};

    // when
    Calibration calibration = Calibration.fitIsotonic(margins, outcomes);

    // then: the middle pair is pooled to 0.5
    assertThat(calibration.margins()).containsExactly(1, 2.5, 4);
    assertThat(calibration.probability(2.5)).isCloseTo(0.5, within(1e-9));
    assertThat(calibration.probability(1)).isCloseTo(1e-4, within(1e-9));
  }

  @Test
  void shouldUndoAKnownMiscalibrationWithPlatt() {
    // given a model whose margins are twice too confident and shifted: true logit = m / 2 - 1
    Sample sample = sample(40_000, m -> Calibration.sigmoid(m / 2 - 1), 2);

    // when
    Calibration calibration = Calibration.fitPlatt(sample.margins(), sample.outcomes());

    // then
    assertThat(calibration.slope()).isCloseTo(0.5, within(0.05));
    assertThat(calibration.intercept()).isCloseTo(-1, within(0.05));
  }

  @Test
  void shouldStayMonotoneWhicheverMethodWins() {
    // given
    Sample sample = sample(10_000, m -> Calibration.sigmoid(3 * m), 3);

    // when
    Calibration calibration = Calibration.fitBest(sample.margins(), sample.outcomes());

    // then
    double previous = 0;
    for (double m = -5; m <= 5; m += 0.01) {
      double p = calibration.probability(m);
      assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
      previous = p;
    }
  }

  @Test
  void shouldPickPlattWhenTheMiscalibrationIsLogistic() {
    // given few rows of a logistic miscalibration: Platt's two parameters generalise better
    Sample sample = sample(600, m -> Calibration.sigmoid(0.5 * m), 4);

    // when / then
    assertThat(Calibration.fitBest(sample.margins(), sample.outcomes()).method()).isEqualTo("platt");
  }

  private record Sample(double[] margins, boolean[] outcomes) {}

  private static Sample sample(int size, java.util.function.DoubleUnaryOperator truth, long seed) {
    Random random = new Random(seed);
    double[] margins = new double[size];
    boolean[] outcomes = new boolean[size];
    for (int i = 0; i < size; i++) {
      margins[i] = random.nextGaussian() * 2;
      outcomes[i] = random.nextDouble() < truth.applyAsDouble(margins[i]);
    }
    return new Sample(margins, outcomes);
  }
}
