package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

@ExtendWith(RedisServerExtension.class)
class RedisSalesQueueTest {

  private RedisClient redis;
  private RedisSalesQueue queue;

  @BeforeEach
  void setUp(RedisServer server) {
    redis = RedisClient.create(URI.create(server.url()));
    queue = new RedisSalesQueue(redis, new ObjectMapper());
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void shouldListHottestFirstAndRefreshAHandedOffLead() {
    // given
    queue.handOff("ana", 0.71, List.of("pricing_view"));
    queue.handOff("bia", 0.92, List.of("form_submit", "email_click"));
    queue.handOff("caio", 0.40, List.of());

    // when
    queue.handOff("ana", 0.95, List.of("whatsapp_reply"));
    List<SalesQueue.HandOff> top = queue.top(2);

    // then
    assertThat(top)
        .containsExactly(
            new SalesQueue.HandOff("ana", 0.95, List.of("whatsapp_reply")),
            new SalesQueue.HandOff("bia", 0.92, List.of("form_submit", "email_click")));
    assertThat(queue.top(10)).hasSize(3);
  }
}
