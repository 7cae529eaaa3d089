package io.jornada.channel;

import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadStateStore;
import io.jornada.lead.UnknownLeadException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Consent first, then at most one send per idempotency key, then the channel's adapter.
 *
 * <p>The key is claimed in Redis ({@code jornada:send:<key>} → messageId, {@code SET NX EX}) before
 * delivery and released if delivery fails, so concurrent or repeated jobs send once and a failed
 * send can be retried.
 */
public class ChannelMessageSender implements MessageSender {

  /** Deletes the claim only if it is still ours, so a release never frees someone else's claim. */
  private static final String RELEASE =
      """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        return redis.call('DEL', KEYS[1])
      end
      return 0
      """;

  private final LeadStateStore leads;
  private final MessageTemplates templates;
  private final Map<String, ChannelAdapter> adapters;
  private final RedisClient redis;
  private final Duration idempotencyWindow;

  ChannelMessageSender(
      LeadStateStore leads,
      MessageTemplates templates,
      List<ChannelAdapter> adapters,
      RedisClient redis,
      Duration idempotencyWindow) {
    this.leads = leads;
    this.templates = templates;
    this.adapters =
        adapters.stream()
            .collect(
                Collectors.toMap(
                    ChannelAdapter::channel,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalStateException("two adapters for channel " + a.channel());
                    }));
    this.redis = redis;
    this.idempotencyWindow = idempotencyWindow;
  }

  static String claimKey(String idempotencyKey) {
    return "jornada:send:" + idempotencyKey;
  }

  /**
   * {@inheritDoc}
   *
   * @throws UnknownLeadException when the lead does not exist
   * @throws IllegalStateException when the channel has no adapter or the lead no address on it
   * @throws IllegalArgumentException for an unknown template or a value it needs is missing
   * @throws RuntimeException from the adapter when delivery failed; the key is free for a retry
   */
  @Override
  public SendOutcome send(SendRequest request) {
    Objects.requireNonNull(request.idempotencyKey(), "idempotencyKey");
    Objects.requireNonNull(request.leadId(), "leadId");
    Objects.requireNonNull(request.channel(), "channel");
    LeadProfile lead =
        leads.find(request.leadId()).orElseThrow(() -> new UnknownLeadException(request.leadId()));
    if (lead.consent() == null || !lead.consent().allows(request.channel())) {
      return new SendOutcome(null, request.channel(), SendOutcome.Status.BLOCKED_BY_CONSENT);
    }
    ChannelAdapter adapter = adapters.get(request.channel());
    if (adapter == null) {
      throw new IllegalStateException("no adapter for channel " + request.channel());
    }
    String to = address(lead, request.channel());
    // Render before claiming: a template error then leaves nothing to release.
    MessageTemplates.Rendered content = templates.render(request.templateId(), model(lead, request));

    String messageId = UUID.randomUUID().toString();
    String key = claimKey(request.idempotencyKey());
    String claimed =
        redis.set(key, messageId, SetParams.setParams().nx().ex(idempotencyWindow.toSeconds()));
    if (claimed == null) {
      return new SendOutcome(redis.get(key), request.channel(), SendOutcome.Status.DUPLICATE);
    }
    try {
      adapter.deliver(
          new Delivery(
              messageId,
              lead.leadId(),
              request.channel(),
              request.templateId() == null ? MessageTemplates.DEFAULT : request.templateId(),
              to,
              content.subject(),
              content.body()));
    } catch (RuntimeException e) {
      redis.eval(RELEASE, List.of(key), List.of(messageId));
      throw e;
    }
    return new SendOutcome(messageId, request.channel(), SendOutcome.Status.SENT);
  }

  private static String address(LeadProfile lead, String channel) {
    String to = "email".equals(channel) ? lead.email() : lead.phone();
    if (to == null || to.isBlank()) {
      throw new IllegalStateException(
          "lead " + lead.leadId() + " has no address for channel " + channel);
    }
    return to;
  }

  /** The lead's own attributes, overridden by what the journey passed. */
  private static Map<String, Object> model(LeadProfile lead, SendRequest request) {
    Map<String, Object> model = new HashMap<>();
    if (lead.name() != null) {
      model.put("name", lead.name());
      model.put("firstName", lead.name().strip().split("\\s+")[0]);
    }
    putIfPresent(model, "company", lead.company());
    putIfPresent(model, "city", lead.city());
    putIfPresent(model, "funnelStage", lead.funnelStage());
    model.putAll(request.model());
    return model;
  }

  private static void putIfPresent(Map<String, Object> model, String key, String value) {
    if (value != null) {
      model.put(key, value);
    }
  }
}
