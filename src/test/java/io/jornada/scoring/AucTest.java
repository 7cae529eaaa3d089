package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AucTest {

  @Test
  void shouldCountTiedPairsAsHalf() {
    // given one positive above both negatives, one tied with a negative
    double[] scores = {0.9, 0.5, 0.5, 0.1};
    boolean[] labels = {true, true, false, false};

    // when
    double auc = Auc.of(scores, labels);

    // then: 3 ordered pairs and one tie out of 4
    assertThat(auc).isCloseTo(3.5 / 4, within(1e-12));
  }

  @Test
  void shouldRefuseASingleClass() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Auc.of(new double[] {0.1, 0.2}, new boolean[] {true, true}))
        .withMessageContaining("both");
  }
}
