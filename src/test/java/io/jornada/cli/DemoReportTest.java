package io.jornada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoReportTest {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** Brazilian phones as the synthetic population writes them (E.164) or as people type them. */
  private static final Pattern PHONE =
      Pattern.compile("\\+\\d{8,15}|\\(?\\d{2}\\)?\\s?9?\\d{4}-?\\d{4}(?![0-9a-f-])");

  private static DemoReport report(List<DemoReport.QueuedLead> top) {
    return new DemoReport(
        300, 287, 13, 150, Map.of("email", 412L, "whatsapp", 198L, "sms", 37L), false, 42, top,
        Duration.ofSeconds(75), false);
  }

  @Test
  void summaryHoldsTheCounts() {
    String text = report(List.of(
            new DemoReport.QueuedLead(
                "8f14e45f-ceea-367a-9a36-dedd4bea2543", 0.913, List.of("pricing_view", "recency")),
            new DemoReport.QueuedLead("c9f0f895-fb98-3b91-99f5-1c4a7a3a1a2b", 0.62, List.of())))
        .render();

    assertThat(text)
        .contains("journeys started       300")
        .contains("journeys completed     287")
        .contains("journeys active         13")
        .contains("leads engaged          150")
        .contains("messages sent          647")
        .containsPattern("email\\s+412")
        .containsPattern("whatsapp\\s+198")
        .containsPattern("sms\\s+37")
        .contains("hand-offs to sales      42")
        .containsPattern("8f14e45f-ceea-367a-9a36-dedd4bea2543\\s+91%\\s+pricing_view")
        .containsPattern("c9f0f895-fb98-3b91-99f5-1c4a7a3a1a2b\\s+62%\\s+-");
  }

  @Test
  void summaryNeverShowsAnEmailOrPhoneEvenIfAReasonCarriesOne() {
    String text = report(List.of(
            new DemoReport.QueuedLead(
                "8f14e45f-ceea-367a-9a36-dedd4bea2543", 0.9, List.of("replied from +5511987654321")),
            new DemoReport.QueuedLead(
                "ana.neto@example.com", 0.8, List.of("opened ana.neto@example.com")),
            new DemoReport.QueuedLead("lead-3", 0.7, List.of("call (11) 98765-4321")),
            new DemoReport.QueuedLead("+5521912345678", 0.6, List.of("pricing_view"))))
        .render();

    assertThat(text).doesNotContainPattern(EMAIL).doesNotContainPattern(PHONE);
    assertThat(text).contains("[e-mail]").contains("[phone]").contains("lead-3");
    assertThat(text).contains("8f14e45f-ceea-367a-9a36-dedd4bea2543");
  }

  @Test
  void exitCodeIsNonZeroWhenNothingCompleted() {
    DemoReport none = new DemoReport(
        300, 0, 300, 0, Map.of(), false, 0, List.of(), Duration.ofMinutes(4), true);

    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.render()).contains("stopped at the timeout").contains("sales queue is empty");
    assertThat(report(List.of()).exitCode()).isZero();
  }

  @Test
  void progressBar() {
    assertThat(DemoReport.progressBar(120, 300, 10)).isEqualTo("[####......] 120/300 journeys done");
    assertThat(DemoReport.progressBar(0, 0, 4)).isEqualTo("[####] 0/0 journeys done");
    assertThat(DemoReport.progressBar(310, 300, 4)).isEqualTo("[####] 310/300 journeys done");
  }
}
