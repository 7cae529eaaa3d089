package io.jornada.channel;

/**
 * Hands a rendered message to one channel's transport (SMTP, a WhatsApp provider, an SMS
 * gateway, or the outbox). There is one adapter per channel.
 *
 * <p>Adapters do no consent checks and no de-duplication: {@link ChannelMessageSender} has already
 * checked the lead's consent and claimed the request's idempotency key before calling {@link
 * #deliver}. If {@code deliver} throws, the claim is released and the same request may be delivered
 * again later; a transport that can tell "maybe sent" from "not sent" should pass {@link
 * Delivery#messageId()} to the provider as its own idempotency key where the provider supports one.
 */
public interface ChannelAdapter {

  /** The channel this adapter serves: {@code email}, {@code whatsapp}, {@code sms} … */
  String channel();

  /**
   * Sends the message now.
   *
   * @throws RuntimeException when the transport refused or failed; nothing may be assumed sent
   */
  void deliver(Delivery delivery);
}
