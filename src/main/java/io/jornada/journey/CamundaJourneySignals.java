package io.jornada.journey;

import io.camunda.client.CamundaClient;
import io.jornada.lead.JourneySignals;
import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadProfile;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes lead signals as messages: {@code lead-created} starts the {@code lead-nurture} journey,
 * {@code lead-engaged} wakes it up. Both are correlated by lead id.
 */
@Component
class CamundaJourneySignals implements JourneySignals {

  static final String LEAD_CREATED = "lead-created";
  static final String LEAD_ENGAGED = "lead-engaged";

  private final CamundaClient client;
  private final JourneyProperties properties;

  CamundaJourneySignals(CamundaClient client, JourneyProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  /**
   * While a journey started for this lead is active, the engine starts no second one for the same
   * correlation key; the message is buffered so that a lead created before the deployment still
   * gets its journey.
   */
  @Override
  public void leadCreated(LeadProfile lead) {
    client
        .newPublishMessageCommand()
        .messageName(LEAD_CREATED)
        .correlationKey(lead.leadId())
        .timeToLive(properties.messageTimeToLive())
        .variables(startVariables(lead.leadId()))
        .send()
        .join();
  }

  /**
   * The event id is the message id, so the same event published twice is rejected while buffered.
   * Buffering covers an engagement that arrives while the journey is still sending.
   */
  @Override
  public void leadEngaged(LeadEvent event) {
    Map<String, Object> engagement = new HashMap<>();
    engagement.put("type", event.type());
    engagement.put("channel", event.channel());
    client
        .newPublishMessageCommand()
        .messageName(LEAD_ENGAGED)
        .correlationKey(event.leadId())
        .messageId(event.eventId())
        .timeToLive(properties.messageTimeToLive())
        .variables(Map.of("lastEngagement", engagement))
        .send()
        .join();
  }

  Map<String, Object> startVariables(String leadId) {
    return Map.of(
        "leadId", leadId,
        "engagementWait", properties.engagementWait().toString(),
        "maxAttempts", properties.maxAttempts(),
        "handOffThreshold", properties.handOffThreshold());
  }
}
