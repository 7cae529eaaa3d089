package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeadScoreTest {

  @Test
  void shouldLabelAWholeValueWithoutDecimals() {
    assertThat(new LeadScore.Reason("count_pricing_view", 5, 0.83).label()).isEqualTo("count_pricing_view=5 (+0.83)");
    assertThat(new LeadScore.Reason("count_email_open", 0, 0).label()).isEqualTo("count_email_open=0 (+0.00)");
    assertThat(new LeadScore.Reason("delta", -3, 2).label()).isEqualTo("delta=-3 (+2.00)");
  }

  @Test
  void shouldLabelNegativesWithTheirSign() {
    assertThat(new LeadScore.Reason("x", 0.5, -1.2).label()).isEqualTo("x=0.50 (-1.20)");
    assertThat(new LeadScore.Reason("x", -0.25, -0.001).label()).isEqualTo("x=-0.25 (-0.00)");
    assertThat(new LeadScore.Reason("x", 1.5, -0.0).label()).isEqualTo("x=1.50 (-0.00)");
  }

  @Test
  void shouldRoundHalfUpAsPercentDotTwoF() {
    assertThat(new LeadScore.Reason("x", 0.005, 0.005).label()).isEqualTo("x=0.01 (+0.01)");
    assertThat(new LeadScore.Reason("x", 0.015, -0.015).label()).isEqualTo("x=0.02 (-0.02)");
    assertThat(new LeadScore.Reason("x", 2.675, 1.005).label()).isEqualTo("x=2.68 (+1.01)");
    assertThat(new LeadScore.Reason("x", 12.5, 0.0049).label()).isEqualTo("x=12.50 (+0.00)");
  }

  @Test
  void shouldLabelLargeValues() {
    assertThat(new LeadScore.Reason("x", 123456789, 1e6).label()).isEqualTo("x=123456789 (+1000000.00)");
    assertThat(new LeadScore.Reason("x", 1e15, 0).label()).isEqualTo("x=1000000000000000.00 (+0.00)");
    assertThat(new LeadScore.Reason("x", 1234567.891, -98765.4321).label()).isEqualTo("x=1234567.89 (-98765.43)");
  }

  @Test
  void shouldLabelExactlyAsStringFormatDid() {
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      double value = i % 3 == 0 ? random.nextInt(200) : Math.round(random.nextGaussian() * 1e5) / 1e3 + 5e-4 * (i % 2);
      double contribution = i % 5 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian() * 3;
      LeadScore.Reason reason = new LeadScore.Reason("f", value, contribution);
      assertThat(reason.label()).as("value %s, contribution %s", value, contribution).isEqualTo(formatted(reason));
    }
  }

  /** The former implementation, as the reference. */
  private static String formatted(LeadScore.Reason reason) {
    String value = reason.value() == Math.rint(reason.value()) && Math.abs(reason.value()) < 1e15
        ? Long.toString((long) reason.value())
        : String.format(Locale.ROOT, "%.2f", reason.value());
    return reason.feature() + "=" + value + String.format(Locale.ROOT, " (%+.2f)", reason.contribution());
  }
}
