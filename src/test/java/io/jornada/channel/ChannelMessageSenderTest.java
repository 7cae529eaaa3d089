package io.jornada.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.lead.Consent;
import io.jornada.lead.LeadProfile;
import io.jornada.lead.LeadProperties;
import io.jornada.lead.RedisLeadStateStore;
import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.io.ClassPathResource;
import redis.clients.jedis.RedisClient;

@ExtendWith(RedisServerExtension.class)
class ChannelMessageSenderTest {

  private RedisClient redis;
  private RedisLeadStateStore leads;
  private Outbox outbox;
  private MessageTemplates templates;

  @BeforeEach
  void setUp(RedisServer server) {
    redis = RedisClient.create(URI.create(server.url()));
    leads = new RedisLeadStateStore(redis, LeadProperties.defaults(), new ObjectMapper(), Clock.systemUTC());
    outbox = new Outbox(redis, 100, Clock.systemUTC());
    templates = MessageTemplates.load(new ClassPathResource("templates/messages.yaml"));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void shouldBlockASendWithoutConsentAndRecordNothing() {
    // given
    leads.upsert(ana(new Consent(true, false, false)));
    MessageSender sender = sender(outboxAdapters());

    // when
    SendOutcome outcome =
        sender.send(new SendRequest("job-1", "ana", "whatsapp", "nurture-hot", Map.of()));

    // then
    assertThat(outcome.status()).isEqualTo(SendOutcome.Status.BLOCKED_BY_CONSENT);
    assertThat(outbox.recent(10)).isEmpty();
    assertThat(redis.exists(ChannelMessageSender.claimKey("job-1"))).isFalse();
  }

  @Test
  void shouldSendOnceForTheSameIdempotencyKey() {
    // given
    leads.upsert(ana(new Consent(true, true, false)));
    MessageSender sender = sender(outboxAdapters());
    SendRequest request = new SendRequest("job-1", "ana", "whatsapp", "nurture-warm", Map.of());

    // when
    SendOutcome first = sender.send(request);
    SendOutcome second = sender.send(request);

    // then
    assertThat(first.status()).isEqualTo(SendOutcome.Status.SENT);
    assertThat(second.status()).isEqualTo(SendOutcome.Status.DUPLICATE);
    assertThat(second.messageId()).isEqualTo(first.messageId());
    List<Outbox.OutboxMessage> sent = outbox.recent(10);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).messageId()).isEqualTo(first.messageId());
    assertThat(sent.get(0).body()).startsWith("Olá, Ana!").contains("São Paulo");
    assertThat(outbox.counts()).containsEntry("whatsapp", 1L);
  }

  @Test
  void shouldReleaseTheKeyWhenDeliveryFailsSoARetrySends() {
    // given
    leads.upsert(ana(new Consent(true, true, false)));
    ChannelAdapter broken =
        new ChannelAdapter() {
          @Override
          public String channel() {
            return "email";
          }

          @Override
          public void deliver(Delivery delivery) {
            throw new IllegalStateException("SMTP down");
          }
        };
    SendRequest request = new SendRequest("job-1", "ana", "email", "nurture-cold", Map.of());

    // when
    assertThatThrownBy(() -> sender(List.of(broken)).send(request)).hasMessage("SMTP down");
    SendOutcome retry = sender(outboxAdapters()).send(request);

    // then
    assertThat(retry.status()).isEqualTo(SendOutcome.Status.SENT);
    assertThat(outbox.recent(10)).extracting(Outbox.OutboxMessage::subject)
        .containsExactly("Novidades para você, Ana");
  }

  @Test
  void shouldLetTheJourneyModelOverrideAndFillTemplateValues() {
    // given
    leads.upsert(ana(new Consent(true, false, false)));

    // when
    sender(outboxAdapters())
        .send(new SendRequest("job-1", "ana", "email", "nurture-hot", Map.of("company", "Café Real")));

    // then
    assertThat(outbox.recent(1).get(0).body()).contains("para Café Real");
  }

  private List<ChannelAdapter> outboxAdapters() {
    return List.of(
        new OutboxAdapter("email", outbox),
        new OutboxAdapter("whatsapp", outbox),
        new OutboxAdapter("sms", outbox));
  }

  private MessageSender sender(List<ChannelAdapter> adapters) {
    return new ChannelMessageSender(leads, templates, adapters, redis, Duration.ofDays(30));
  }

  static LeadProfile ana(Consent consent) {
    return new LeadProfile("ana", "Ana Souza", "ana@example.com", "+55 11 91234-5678",
        "São Paulo", "Padaria Boa", 40, "site", "lead", consent, "whatsapp", Map.of(), null, null);
  }
}
