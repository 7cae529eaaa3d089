package io.jornada.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.jornada.lead.Consent;
import io.jornada.lead.LeadProperties;
import io.jornada.lead.RedisLeadStateStore;
import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import redis.clients.jedis.RedisClient;

@ExtendWith(RedisServerExtension.class)
class SmtpEmailAdapterTest {

  // A dynamic port: other builds on the same machine may run GreenMail at the same time.
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void shouldDeliverThePtBrMessageOverSmtp(RedisServer server) throws Exception {
    // given
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(SMTP.getSmtp().getPort());
    try (RedisClient redis = RedisClient.create(URI.create(server.url()))) {
      RedisLeadStateStore leads =
          new RedisLeadStateStore(redis, LeadProperties.defaults(), new ObjectMapper(), Clock.systemUTC());
      leads.upsert(ChannelMessageSenderTest.ana(new Consent(true, false, false)));
      MessageSender sender =
          new ChannelMessageSender(
              leads,
              MessageTemplates.load(new ClassPathResource("templates/messages.yaml")),
              List.of(new SmtpEmailAdapter(mail, "Jornada <nao-responda@jornada.local>")),
              redis,
              Duration.ofDays(30));

      // when
      SendOutcome outcome =
          sender.send(new SendRequest("job-7", "ana", "email", "nurture-hot", Map.of()));

      // then
      assertThat(outcome.status()).isEqualTo(SendOutcome.Status.SENT);
      assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
      MimeMessage received = SMTP.getReceivedMessages()[0];
      assertThat(received.getSubject()).isEqualTo("Ana, vamos conversar sobre a sua proposta?");
      assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
      assertThat(received.getHeader(SmtpEmailAdapter.MESSAGE_ID_HEADER)[0]).isEqualTo(outcome.messageId());
      assertThat((String) received.getContent()).startsWith("Olá, Ana!").contains("Padaria Boa");
      assertThat(GreenMailUtil.getAddressList(received.getFrom())).contains("nao-responda@jornada.local");
    }
  }
}
