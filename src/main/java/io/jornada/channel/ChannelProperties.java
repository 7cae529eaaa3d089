package io.jornada.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Channel settings.
 *
 * @param email how e-mail leaves Jornada
 * @param templates where the message templates are (marketers' content, not code)
 * @param outboxLength about how many recent messages the outbox stream keeps
 * @param idempotencyWindow how long a sent idempotency key blocks a second send
 */
@ConfigurationProperties("jornada.channel")
public record ChannelProperties(
    @DefaultValue Email email,
    @DefaultValue("classpath:templates/messages.yaml") String templates,
    @DefaultValue("10000") int outboxLength,
    @DefaultValue("30d") Duration idempotencyWindow) {

  /**
   * @param transport {@code outbox} (default: recorded in Redis, no SMTP server needed) or {@code
   *     smtp} (Spring's {@code spring.mail.*} settings)
   * @param from the sender address of e-mails
   */
  public record Email(
      @DefaultValue("outbox") Transport transport,
      @DefaultValue("Jornada <nao-responda@jornada.local>") String from) {}

  public enum Transport {
    OUTBOX,
    SMTP
  }
}
