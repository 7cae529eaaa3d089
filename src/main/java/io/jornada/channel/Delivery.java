package io.jornada.channel;

/**
 * A rendered message ready for a channel.
 *
 * @param messageId unique per send; stable across a retry only if the caller reuses it
 * @param leadId who receives it
 * @param templateId the content it was rendered from
 * @param to the address on the channel: e-mail address or phone number (personal data: never log)
 * @param subject subject line; channels without one ignore it
 * @param body the text (personal data: never log)
 */
public record Delivery(
    String messageId, String leadId, String channel, String templateId, String to, String subject, String body) {}
