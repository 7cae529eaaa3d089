package io.jornada.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail over SMTP through Spring's {@link JavaMailSender} (settings {@code spring.mail.*}). */
class SmtpEmailAdapter implements ChannelAdapter {

  static final String MESSAGE_ID_HEADER = "X-Jornada-Message-Id";

  private final JavaMailSender mail;
  private final String from;

  SmtpEmailAdapter(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public String channel() {
    return "email";
  }

  @Override
  public void deliver(Delivery d) {
    MimeMessage message = mail.createMimeMessage();
    try {
      // UTF-8 explicitly: pt-BR content must not depend on the platform's default charset.
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(d.to());
      helper.setSubject(d.subject());
      helper.setText(d.body(), false);
      message.setHeader(MESSAGE_ID_HEADER, d.messageId());
    } catch (MessagingException e) {
      throw new MailPreparationException("could not build e-mail " + d.messageId(), e);
    }
    mail.send(message);
  }
}
