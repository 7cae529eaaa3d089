package io.jornada.scoring;

import io.jornada.lead.LeadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one path from a {@link LeadProfile} to the model's feature vector, shared by training and
 * serving so that both always compute the same features in the same order.
 *
 * <p>Changing {@link #NAMES} (adding, removing or reordering) makes every stored model
 * incompatible; the registry refuses to load such a model rather than score with shifted columns.
 */
final class LeadFeatures {

  /** Event types counted as features; the synthetic population emits exactly these. */
  static final List<String> EVENT_TYPES =
      List.of("page_view", "pricing_view", "email_open", "email_click", "form_submit", "whatsapp_reply");

  static final List<String> SOURCES = List.of("organic", "paid_search", "referral", "event", "social");
  static final List<String> STAGES = List.of("awareness", "consideration", "decision");

  /** Feature names, in vector order. */
  static final List<String> NAMES = names();

  private LeadFeatures() {}

  /**
   * The lead's features as seen at {@code now}. Unknown sources and stages leave their one-hot
   * columns at zero; a lead that never engaged counts its quiet time from creation.
   */
  static float[] of(LeadProfile lead, Instant now) {
    float[] vector = new float[NAMES.size()];
    int i = 0;
    for (String type : EVENT_TYPES) {
      vector[i++] = lead.count(type);
    }
    Instant lastEngagedAt = lead.lastEngagedAt() == null ? lead.createdAt() : lead.lastEngagedAt();
    vector[i++] = daysBetween(lead.createdAt(), now);
    vector[i++] = daysBetween(lastEngagedAt, now);
    vector[i++] = companySizeLog(lead.companySize());
    i = oneHot(vector, i, SOURCES, lead.source());
    i = oneHot(vector, i, STAGES, lead.funnelStage());
    vector[i++] = lead.consent().email() ? 1 : 0;
    vector[i++] = lead.consent().whatsapp() ? 1 : 0;
    vector[i] = lead.consent().sms() ? 1 : 0;
    return vector;
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    EVENT_TYPES.forEach(type -> names.add("count_" + type));
    names.add("days_since_created");
    names.add("days_since_last_engaged");
    names.add("company_size_log");
    SOURCES.forEach(source -> names.add("source_" + source));
    STAGES.forEach(stage -> names.add("stage_" + stage));
    names.add("consent_email");
    names.add("consent_whatsapp");
    names.add("consent_sms");
    return List.copyOf(names);
  }

  /** The {@code company_size_log} feature of a number of employees. */
  static float companySizeLog(int employees) {
    return (float) Math.log1p(Math.max(employees, 0));
  }

  static int oneHot(float[] vector, int start, List<String> values, String value) {
    int index = values.indexOf(value);
    if (index >= 0) {
      vector[start + index] = 1;
    }
    return start + values.size();
  }

  /** Fractional days, never negative: clocks of event sources may run slightly ahead. */
  static float daysBetween(Instant from, Instant to) {
    return (float) Math.max(0, Duration.between(from, to).toSeconds() / 86_400.0);
  }
}
