package io.jornada.scoring;

import io.jornada.lead.LeadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The known conversion law of the synthetic population, so that a trained model can be compared
 * with the best ranking any model could achieve.
 *
 * <p>The probability is {@code p = 1 / (1 + e^-z)} with
 *
 * <pre>
 * z = -4.2 + stage + source + size + r · engagement
 *
 * stage      = 0 (awareness), 0.5 (consideration), 1.0 (decision)
 * source     = referral +0.7, event +0.4, organic +0.1, paid_search 0, social -0.3
 * size       = employees &lt; 10: -0.8, &lt; 50: 0, &lt; 250: +0.8, &lt; 1000: +1.0, else -0.4
 * engagement = w_stage · (1 - e^(-pricing/2))      pricing views, saturating; w_stage = 0.3, 1.0, 2.5
 *            + 0.25 · ln(1 + pageViews)             diminishing returns
 *            + 0.4 · ln(1 + emailOpens)             diminishing returns
 *            + 0.6 · min(emailClicks, 3)            capped
 *            + 1.2 · [formSubmits ≥ 1]              threshold
 *            + 0.8 · min(whatsappReplies, 2)        capped
 * r          = 0.1 + 0.9 · e^(-d/10)                recency decay, d = days since last engagement
 * </pre>
 *
 * <p>Pricing views therefore matter far more in the decision stage, and engagement fades as a lead
 * goes quiet; a mid-sized company buys more readily than a one-person shop or an enterprise.
 *
 * <p>The size effect is strongly non-monotone and recency multiplies engagement, so that a linear
 * model on the same features cannot rank as well as trees: on a 50,000-lead held-out set the
 * logistic-regression baseline trails XGBoost by about 0.03 AUC (it trailed by 0.014 when the size
 * effect was milder and recency decayed over 14 days to a floor of 0.25), while XGBoost stays
 * within 1% of the Bayes-optimal AUC.
 */
final class GroundTruthModel {

  private static final double INTERCEPT = -4.2;
  private static final double RECENCY_DAYS = 10;

  private GroundTruthModel() {}

  /** The true probability that the lead converts, judged at {@code now}. */
  static double probability(LeadProfile lead, Instant now) {
    double z =
        INTERCEPT
            + stageEffect(lead.funnelStage())
            + sourceEffect(lead.source())
            + sizeEffect(lead.companySize())
            + recency(lead, now) * engagement(lead);
    return 1 / (1 + Math.exp(-z));
  }

  /** The Bayes-optimal AUC on this sample: the AUC of the true probabilities against the draws. */
  static double optimalAuc(List<SyntheticLead> leads) {
    double[] scores = leads.stream().mapToDouble(SyntheticLead::trueProbability).toArray();
    boolean[] labels = new boolean[leads.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = leads.get(i).converted();
    }
    return Auc.of(scores, labels);
  }

  private static double engagement(LeadProfile lead) {
    double pricingWeight =
        switch (lead.funnelStage()) {
          case "decision" -> 2.5;
          case "consideration" -> 1.0;
          default -> 0.3;
        };
    return pricingWeight * (1 - Math.exp(-lead.count("pricing_view") / 2.0))
        + 0.25 * Math.log1p(lead.count("page_view"))
        + 0.4 * Math.log1p(lead.count("email_open"))
        + 0.6 * Math.min(lead.count("email_click"), 3)
        + (lead.count("form_submit") >= 1 ? 1.2 : 0)
        + 0.8 * Math.min(lead.count("whatsapp_reply"), 2);
  }

  private static double recency(LeadProfile lead, Instant now) {
    if (lead.lastEngagedAt() == null) {
      return 0;
    }
    double days = Duration.between(lead.lastEngagedAt(), now).toMinutes() / (24.0 * 60);
    return 0.1 + 0.9 * Math.exp(-Math.max(days, 0) / RECENCY_DAYS);
  }

  private static double stageEffect(String stage) {
    return switch (stage) {
      case "decision" -> 1.0;
      case "consideration" -> 0.5;
      default -> 0;
    };
  }

  private static double sourceEffect(String source) {
    return switch (source) {
      case "referral" -> 0.7;
      case "event" -> 0.4;
      case "organic" -> 0.1;
      case "social" -> -0.3;
      default -> 0;
    };
  }

  private static double sizeEffect(int employees) {
    if (employees < 10) {
      return -0.8;
    } else if (employees < 50) {
      return 0;
    } else if (employees < 250) {
      return 0.8;
    } else if (employees < 1000) {
      return 1.0;
    }
    return -0.4;
  }
}
