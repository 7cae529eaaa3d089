package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.util.ArrayList;
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

  @Test
  void shouldRefreshOnlyTheLeadsAlreadyQueued() {
    // given
    queue.handOff("ana", 0.71, List.of("pricing_view"));

    // when
    queue.refreshAll(List.of(
        new SalesQueue.HandOff("bia", 0.92, List.of("form_submit")),
        new SalesQueue.HandOff("ana", 0.65, List.of("email_click"))));
    queue.refresh("caio", 0.5, List.of("page_view"));

    // then: ana refreshed; bia and caio neither queued nor given reasons
    assertThat(queue.top(10)).containsExactly(new SalesQueue.HandOff("ana", 0.65, List.of("email_click")));
    assertThat(redis.hkeys(RedisSalesQueue.REASONS)).containsExactly("ana");
  }

  @Test
  void shouldRefreshABatchLargerThanOneScriptCall() {
    // given every other lead of 1,201 queued
    List<SalesQueue.HandOff> latest = new ArrayList<>();
    for (int i = 0; i <= 2 * RedisSalesQueue.REFRESH_CHUNK + 200; i++) {
      if (i % 2 == 0) {
        queue.handOff("lead-" + i, 0.1, List.of("old"));
      }
      latest.add(new SalesQueue.HandOff("lead-" + i, 0.5 + i / 10_000.0, List.of("new")));
    }

    // when
    queue.refreshAll(latest);

    // then
    List<SalesQueue.HandOff> top = queue.top(10_000);
    assertThat(top).hasSize(RedisSalesQueue.REFRESH_CHUNK + 101)
        .allSatisfy(h -> assertThat(h.reasons()).containsExactly("new"));
    assertThat(top.get(0)).isEqualTo(new SalesQueue.HandOff("lead-1200", 0.62, List.of("new")));
    assertThat(redis.hlen(RedisSalesQueue.REASONS)).isEqualTo(RedisSalesQueue.REFRESH_CHUNK + 101);
  }

  @Test
  void shouldRefreshAfterRedisLostItsScripts() {
    // given
    queue.handOff("ana", 0.71, List.of("pricing_view"));
    redis.scriptFlush();

    // when
    queue.refresh("ana", 0.8, List.of("email_click"));

    // then
    assertThat(queue.top(1)).containsExactly(new SalesQueue.HandOff("ana", 0.8, List.of("email_click")));
  }
}
