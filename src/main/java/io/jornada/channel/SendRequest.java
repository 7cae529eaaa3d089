package io.jornada.channel;

import java.util.Map;

/**
 * A request to send a message.
 *
 * @param idempotencyKey the same key is sent at most once (workers pass the job key)
 * @param leadId who receives it
 * @param channel {@code email}, {@code whatsapp}, {@code sms} …
 * @param templateId which content to render, for example {@code nurture-warm}
 * @param model values the template may use, beside the lead's own attributes
 */
public record SendRequest(
    String idempotencyKey, String leadId, String channel, String templateId, Map<String, Object> model) {

  public SendRequest {
    model = model == null ? Map.of() : Map.copyOf(model);
  }
}
