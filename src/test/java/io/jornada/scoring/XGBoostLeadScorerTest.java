package io.jornada.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jornada.lead.Consent;
import io.jornada.lead.LeadProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XGBoostLeadScorerTest {

  @TempDir static Path root;

  private static XGBoostLeadScorer scorer;

  @BeforeAll
  static void loadScorer() {
    TrainedModel model = TestModels.train(TestModels.population(41, 10_000));
    ModelRegistry registry = new ModelRegistry(root);
    registry.save(model, TestModels.NOW);
    model.booster().dispose();
    scorer =
        new XGBoostLeadScorer(
            registry.latest().orElseThrow(),
            new ScoreBands(0.6, 0.35, 0.15),
            Clock.fixed(TestModels.NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void closeScorer() {
    scorer.close();
  }

  @Test
  void shouldExplainTheRawMarginWithContributionsAndBias() {
    for (SyntheticLead lead : TestModels.population(42, 50)) {
      // when
      XGBoostLeadScorer.Explanation explanation = scorer.explain(lead.profile());
      double probability = scorer.score(lead.profile()).probability();

      // then: contributions explain the margin; the probability is its calibration
      double sum = Arrays.stream(explanation.contributions()).sum() + explanation.bias();
      assertThat(sum).isCloseTo(explanation.margin(), within(1e-4));
      assertThat(probability).isEqualTo(explanation.probability());
    }
  }

  @Test
  void shouldRankAHotDecisionLeadAboveAColdLead() {
    // given
    LeadProfile hot =
        lead("decision", Map.of("pricing_view", 6, "page_view", 8, "email_click", 2), Duration.ofDays(1));
    LeadProfile cold = lead("awareness", Map.of("page_view", 1), Duration.ofDays(60));

    // when
    LeadScore hotScore = scorer.score(hot);
    LeadScore coldScore = scorer.score(cold);

    // then
    assertThat(hotScore.probability()).isGreaterThan(coldScore.probability());
    assertThat(hotScore.band()).isLessThan(coldScore.band());
    assertThat(hotScore.reasons()).hasSize(3).extracting(LeadScore.Reason::feature)
        .contains("count_pricing_view");
    assertThat(hotScore.modelVersion()).isEqualTo("v0001");
  }

  @Test
  void shouldListPositiveReasonsFirstStrongestFirst() {
    // given
    LeadProfile hot =
        lead("decision", Map.of("pricing_view", 6, "form_submit", 1, "email_click", 3), Duration.ofDays(1));

    // when
    List<LeadScore.Reason> reasons = scorer.score(hot).reasons();

    // then
    assertThat(reasons).allSatisfy(reason -> assertThat(reason.contribution()).isPositive());
    assertThat(reasons)
        .extracting(LeadScore.Reason::contribution)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(reasons.get(0).value()).isEqualTo(
        LeadFeatures.of(hot, TestModels.NOW)[LeadFeatures.NAMES.indexOf(reasons.get(0).feature())]);
  }

  @Test
  void shouldGiveTheSameScoresUnderConcurrentUse() throws Exception {
    // given
    List<LeadProfile> leads = TestModels.population(43, 200).stream().map(SyntheticLead::profile).toList();
    List<Double> expected = leads.stream().map(lead -> scorer.score(lead).probability()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);

    // when
    try {
      List<Future<List<Double>>> runs =
          pool.invokeAll(
              List.of(
                  () -> scoreAll(leads), () -> scoreAll(leads), () -> scoreAll(leads), () -> scoreAll(leads)));

      // then
      for (Future<List<Double>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldScoreABatchAsItScoresEachLead() {
    // given
    List<LeadProfile> leads = TestModels.population(44, 50).stream().map(SyntheticLead::profile).toList();
    List<LeadScore> one = leads.stream().map(scorer::score).toList();

    // when
    List<LeadScore> batch = scorer.scoreAll(leads);

    // then: same probabilities, bands and reasons, in order
    assertThat(batch).isEqualTo(one);
  }

  @Test
  void shouldRankABatchWithTheProbabilitiesAndBandsItScoresWithoutReasons() {
    // given
    List<LeadProfile> leads = TestModels.population(45, 50).stream().map(SyntheticLead::profile).toList();
    List<LeadScore> explained = scorer.scoreAll(leads);

    // when
    List<LeadScore> ranked = scorer.rankAll(leads);

    // then: the same probability and band for each lead, in order, and no reasons
    assertThat(ranked).hasSize(explained.size());
    for (int i = 0; i < ranked.size(); i++) {
      assertThat(ranked.get(i).probability()).isEqualTo(explained.get(i).probability());
      assertThat(ranked.get(i).band()).isEqualTo(explained.get(i).band());
      assertThat(ranked.get(i).reasons()).isEmpty();
    }
  }

  private static List<Double> scoreAll(List<LeadProfile> leads) {
    return leads.stream().map(lead -> scorer.score(lead).probability()).toList();
  }

  private static LeadProfile lead(String stage, Map<String, Integer> counts, Duration quietFor) {
    return new LeadProfile(
        "lead-1",
        "Ana Souza",
        "ana.souza@example.com",
        "+5511912345678",
        "Campinas",
        "Souza Ltda",
        120,
        "referral",
        stage,
        new Consent(true, true, false),
        "whatsapp",
        counts,
        TestModels.NOW.minus(Duration.ofDays(70)),
        TestModels.NOW.minus(quietFor));
  }
}
