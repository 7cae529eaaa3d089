package io.jornada.channel;

import io.jornada.lead.LeadConfiguration;
import io.jornada.lead.LeadStateStore;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.mail.javamail.JavaMailSender;
import redis.clients.jedis.RedisClient;

/** Channel adapters, templates and the consent-checking, idempotent {@link MessageSender}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelProperties.class)
@Import(LeadConfiguration.class)
public class ChannelConfiguration {

  @Bean
  Outbox outbox(RedisClient redis, ChannelProperties properties) {
    return new Outbox(redis, properties.outboxLength(), Clock.systemUTC());
  }

  @Bean
  MessageTemplates messageTemplates(ChannelProperties properties, ResourceLoader resources) {
    return MessageTemplates.load(resources.getResource(properties.templates()));
  }

  @Bean
  ChannelAdapter emailAdapter(
      ChannelProperties properties, Outbox outbox, ObjectProvider<JavaMailSender> mail) {
    if (properties.email().transport() == ChannelProperties.Transport.OUTBOX) {
      return new OutboxAdapter("email", outbox);
    }
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException(
          "jornada.channel.email.transport=smtp needs an SMTP server: set spring.mail.host");
    }
    return new SmtpEmailAdapter(sender, properties.email().from());
  }

  // No WhatsApp or SMS provider in the demo: their messages go to the outbox.
  @Bean
  ChannelAdapter whatsappAdapter(Outbox outbox) {
    return new OutboxAdapter("whatsapp", outbox);
  }

  @Bean
  ChannelAdapter smsAdapter(Outbox outbox) {
    return new OutboxAdapter("sms", outbox);
  }

  @Bean
  ChannelMessageSender messageSender(
      LeadStateStore leads,
      MessageTemplates templates,
      List<ChannelAdapter> adapters,
      RedisClient redis,
      ChannelProperties properties) {
    return new ChannelMessageSender(
        leads, templates, adapters, redis, properties.idempotencyWindow());
  }
}
