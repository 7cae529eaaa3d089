package io.jornada.journey;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.response.PublishMessageResponse;
import io.jornada.lead.CorrelationProperties;
import io.jornada.lead.JourneyMessage;
import io.jornada.lead.MessageRefusedException;
import io.jornada.lead.JourneySignals;
import io.jornada.lead.LeadProfile;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;

/**
 * Publishes lead signals as messages: {@code lead-created} starts the {@code lead-nurture} journey;
 * the messages of the journey outbox ({@code lead-engaged} wakes the journey up, {@code
 * segment-entered}, {@code segment-exited}, scoring's {@code lead-hot}) are published as given, if
 * a deployed journey uses their name. All are correlated by lead id and live for {@code
 * jornada.lead.correlation.time-to-live}.
 */
@Component
class CamundaJourneySignals implements JourneySignals {

  static final String LEAD_CREATED = "lead-created";
  static final String LEAD_ENGAGED = "lead-engaged";

  private final CamundaClient client;
  private final JourneyProperties properties;
  private final Duration timeToLive;
  private final Set<String> caught;

  /** @param correlation its {@code time-to-live} is every journey message's, lead-created's too */
  CamundaJourneySignals(
      CamundaClient client, JourneyProperties properties, CorrelationProperties correlation, JourneyDeployer deployer) {
    this.client = client;
    this.properties = properties;
    this.timeToLive = correlation.timeToLive();
    this.caught = Set.copyOf(deployer.messageNames());
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
        .timeToLive(timeToLive)
        .variables(startVariables(lead.leadId()))
        .send()
        .join();
  }

  /** The message names of the journeys {@link JourneyDeployer} deploys. */
  @Override
  public boolean catches(String messageName) {
    return caught.contains(messageName);
  }

  /**
   * A 409 (a message with this id is still buffered) is a publication that already happened: a
   * message published again after a crash must not stay pending forever. Any other 4xx but 429
   * (too many requests) refuses the message itself: retrying it would block its lead for ever.
   */
  @Override
  public CompletableFuture<Void> publish(JourneyMessage message) {
    return client
        .newPublishMessageCommand()
        .messageName(message.name())
        .correlationKey(message.leadId())
        .messageId(message.messageId())
        .timeToLive(message.timeToLive())
        .variables(message.variables())
        .send()
        .toCompletableFuture()
        .handle(CamundaJourneySignals::acceptedOrAlreadyPublished);
  }

  private static Void acceptedOrAlreadyPublished(PublishMessageResponse response, Throwable failure) {
    if (failure == null) {
      return null;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClientHttpException http && http.code() == 409) {
        return null;
      }
      if (cause instanceof ClientHttpException http && http.code() >= 400 && http.code() < 500 && http.code() != 429) {
        throw new MessageRefusedException("the engine refused the message (HTTP " + http.code() + ")", cause);
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
