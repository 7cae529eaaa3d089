package io.jornada.journey;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.response.PublishMessageResponse;
import io.jornada.lead.JourneyMessage;
import io.jornada.lead.JourneySignals;
import io.jornada.lead.LeadProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;

/**
 * Publishes lead signals as messages: {@code lead-created} starts the {@code lead-nurture} journey;
 * the messages the lead package derives from events ({@code lead-engaged} wakes the journey up,
 * {@code segment-entered}, {@code segment-exited}) are published as given. All are correlated by
 * lead id.
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
   * Sends all publications at once and waits for them together, so a batch of events costs one
   * round trip's latency, not one per message. A 409 (a message with this id is still buffered) is
   * a publication that already happened: a redelivered event must not fail its batch.
   */
  @Override
  public void publish(List<JourneyMessage> messages) {
    List<CompletableFuture<?>> sent = new ArrayList<>(messages.size());
    for (JourneyMessage message : messages) {
      sent.add(
          client
              .newPublishMessageCommand()
              .messageName(message.name())
              .correlationKey(message.leadId())
              .messageId(message.messageId())
              .timeToLive(message.timeToLive())
              .variables(message.variables())
              .send()
              .toCompletableFuture()
              .exceptionally(CamundaJourneySignals::alreadyPublished));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
  }

  private static PublishMessageResponse alreadyPublished(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClientHttpException http && http.code() == 409) {
        return null;
      }
    }
    throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
  }

  Map<String, Object> startVariables(String leadId) {
    return Map.of(
        "leadId", leadId,
        "engagementWait", properties.engagementWait().toString(),
        "maxAttempts", properties.maxAttempts(),
        "handOffThreshold", properties.handOffThreshold());
  }
}
