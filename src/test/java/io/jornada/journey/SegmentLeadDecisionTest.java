package io.jornada.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SegmentLeadDecisionTest {

  private static final DecisionTables SEGMENT = new DecisionTables("segment-lead");

  private static final List<String> BANDS = Arrays.asList("A", "B", "C", "D", null);
  private static final List<String> STAGES =
      Arrays.asList("awareness", "consideration", "decision", "unknown", null);
  private static final List<String> SOURCES =
      Arrays.asList("referral", "event", "organic", "paid_search", "social", "whatsapp", null);

  @Test
  void shouldGiveEveryBandStageAndSourceASegmentWithATemperature() {
    // given
    List<String> missing = new ArrayList<>();

    // when
    for (String band : BANDS) {
      for (String stage : STAGES) {
        for (String source : SOURCES) {
          Object segment = SEGMENT.evaluate(variables(band, stage, source));
          if (!(segment instanceof String s) || !s.matches("(hot|warm|cold)-(awareness|consideration|decision)")) {
            missing.add(band + "/" + stage + "/" + source + " -> " + segment);
          }
        }
      }
    }

    // then
    assertThat(missing).isEmpty();
  }

  @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
  @CsvSource({
    "A, decision,      organic,  hot-decision",
    "B, decision,      referral, hot-decision",
    "A, awareness,     social,   hot-consideration",
    "B, decision,      organic,  warm-decision",
    "B, awareness,     event,    warm-consideration",
    "C, consideration, organic,  warm-consideration",
    "B, awareness,     organic,  warm-awareness",
    "C, decision,      social,   warm-decision",
    "D, awareness,     referral, cold-consideration",
    "D, decision,      organic,  cold-consideration",
    "D, awareness,     organic,  cold-awareness",
  })
  void shouldSegmentByBandStageAndSource(String band, String stage, String source, String segment) {
    assertThat(SEGMENT.evaluate(variables(band, stage, source))).isEqualTo(segment);
  }

  @Test
  void shouldFallBackToColdAwarenessWithoutAScore() {
    assertThat(SEGMENT.evaluate(Map.of())).isEqualTo("cold-awareness");
  }

  private static Map<String, Object> variables(String band, String stage, String source) {
    Map<String, Object> lead = new HashMap<>();
    lead.put("funnelStage", stage);
    lead.put("source", source);
    Map<String, Object> variables = new HashMap<>();
    variables.put("band", band);
    variables.put("lead", lead);
    return variables;
  }
}
