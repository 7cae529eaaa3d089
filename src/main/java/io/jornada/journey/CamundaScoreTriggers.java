package io.jornada.journey;

import io.camunda.client.CamundaClient;
import io.jornada.scoring.ScoreTriggers;
import io.jornada.scoring.StoredScore;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes score crossings as messages correlated by lead id: {@code lead-hot} moves a journey
 * waiting at {@code await-engagement} straight to the hand-off; {@code lead-cooling} is there for
 * journeys that want to slow down (the lead-nurture journey does not catch it, so it expires).
 *
 * <p>The message carries the new score, band and reasons, which replace the journey's stale ones
 * before the hand-off reads them. Buffered for the journey message TTL, so a lead that turns hot
 * while its journey is sending is caught at the next wait. The message id is the crossing's
 * (lead, time), so a retried publication is not correlated twice.
 */
@Component
class CamundaScoreTriggers implements ScoreTriggers {

  static final String LEAD_HOT = "lead-hot";
  static final String LEAD_COOLING = "lead-cooling";

  private final CamundaClient client;
  private final JourneyProperties properties;

  CamundaScoreTriggers(CamundaClient client, JourneyProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  @Override
  public void leadHot(StoredScore score) {
    publish(LEAD_HOT, score);
  }

  @Override
  public void leadCooling(StoredScore score) {
    publish(LEAD_COOLING, score);
  }

  private void publish(String name, StoredScore score) {
    client
        .newPublishMessageCommand()
        .messageName(name)
        .correlationKey(score.leadId())
        .messageId(name + ":" + score.leadId() + ":" + score.scoredAt())
        .timeToLive(properties.messageTimeToLive())
        .variables(variables(score))
        .send()
        .join();
  }

  static Map<String, Object> variables(StoredScore score) {
    return Map.of(
        "score", score.probability(),
        "band", score.band(),
        "reasons", score.reasonLabels(),
        "modelVersion", score.modelVersion());
  }
}
