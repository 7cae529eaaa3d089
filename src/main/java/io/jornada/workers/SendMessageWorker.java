package io.jornada.workers;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.jornada.channel.MessageSender;
import io.jornada.channel.SendOutcome;
import io.jornada.channel.SendRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Task type {@code send-message}: sends the nurture message for the lead's segment on the chosen
 * channel. The template is the task header {@code templatePrefix} followed by the segment's
 * temperature ({@code hot-decision} → {@code nurture-hot}).
 */
@Component
public class SendMessageWorker {

  static final String TEMPLATE_PREFIX_HEADER = "templatePrefix";
  static final String DEFAULT_TEMPLATE_PREFIX = "nurture-";

  private final MessageSender sender;

  SendMessageWorker(MessageSender sender) {
    this.sender = sender;
  }

  /**
   * Sends once per job: the job key is the idempotency key, so a job retried or re-activated after
   * a timeout does not send again. Consent is checked again in the channel layer.
   */
  @JobWorker(type = "send-message")
  public Output sendMessage(
      @JobKey long jobKey, @CustomHeaders Map<String, String> headers, @VariablesAsType Input input) {
    String prefix = headers.getOrDefault(TEMPLATE_PREFIX_HEADER, DEFAULT_TEMPLATE_PREFIX);
    Map<String, Object> model = new HashMap<>();
    model.put("segment", input.segment());
    model.put("band", input.band());
    SendOutcome outcome =
        sender.send(
            new SendRequest(
                String.valueOf(jobKey),
                input.leadId(),
                input.channel(),
                prefix + temperature(input.segment()),
                model));
    return new Output(outcome.messageId(), outcome.status().name());
  }

  /** The part of a segment before the first dash; segments are {@code <temperature>-<stage>}. */
  static String temperature(String segment) {
    if (segment == null || segment.isBlank()) {
      return "cold";
    }
    int dash = segment.indexOf('-');
    return dash < 0 ? segment : segment.substring(0, dash);
  }

  /** Variables the task reads. */
  public record Input(String leadId, String channel, String segment, String band) {}

  /** Variables the task writes; {@code sendStatus} is SENT, DUPLICATE or BLOCKED_BY_CONSENT. */
  public record Output(String sentMessageId, String sendStatus) {}
}
