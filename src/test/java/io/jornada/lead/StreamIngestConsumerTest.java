package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

@ExtendWith(RedisServerExtension.class)
class StreamIngestConsumerTest {

  private static final String STREAM = "test:ingest";
  private static final String GROUP = "jornada";

  private RedisClient redis;
  private IngestFixture fixture;

  @BeforeEach
  void setUp(RedisServer server) {
    redis = RedisClient.create(URI.create(server.url()));
    fixture = new IngestFixture(redis);
    fixture.store.upsert(RedisLeadStateStoreTest.lead("ana"));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void shouldProcessAndAcknowledgeEntriesAndDeadLetterTheInvalidOnes() {
    // given
    StreamIngestConsumer consumer = fixture.consumer(STREAM, "c1", Duration.ofSeconds(30));
    consumer.pollOnce(); // creates the group
    for (int i = 0; i < 50; i++) {
      add("{\"eventId\":\"s-" + i + "\",\"leadId\":\"ana\",\"type\":\"page_view\",\"channel\":\"web\"}");
    }
    add("{\"eventId\":\"s-0\",\"leadId\":\"ana\",\"type\":\"page_view\"}"); // redelivered by the producer
    add("{\"eventId\":\"bad\",\"leadId\":\"ana\",\"type\":\"teleport\"}");
    add("{\"eventId\":\"nobody\",\"leadId\":\"bruno\",\"type\":\"page_view\"}");

    // when
    int processed = 0;
    for (int round = 0; round < 10 && processed < 53; round++) {
      processed += consumer.pollOnce();
    }

    // then
    assertThat(processed).isEqualTo(53);
    assertThat(fixture.store.find("ana").orElseThrow().count("page_view")).isEqualTo(50);
    assertThat(redis.xpending(STREAM, GROUP).getTotal()).isZero();
    assertThat(redis.xrange(STREAM + ":rejected", "-", "+"))
        .extracting(e -> e.getFields().get("eventId") + ": " + e.getFields().get("reason"))
        .anySatisfy(line -> assertThat(line).startsWith("bad: type is required and must be one of"))
        .contains("nobody: unknown lead");
  }

  @Test
  void shouldReclaimTheEntriesOfAConsumerThatDiedMidBatch() throws Exception {
    // given: a consumer read 20 entries and died before acknowledging them
    StreamIngestConsumer survivor = fixture.consumer(STREAM, "survivor", Duration.ofMillis(200));
    survivor.pollOnce();
    for (int i = 0; i < 30; i++) {
      add("{\"eventId\":\"d-" + i + "\",\"leadId\":\"ana\",\"type\":\"email_open\",\"channel\":\"email\"}");
    }
    redis.xreadGroup(GROUP, "dead", XReadGroupParams.xReadGroupParams().count(20),
        Map.of(STREAM, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    // it had already ingested the first 5 of them
    for (int i = 0; i < 5; i++) {
      fixture.ingestor.ingest(List.of(new LeadEvent("d-" + i, "ana", "email_open", Instant.now(), "email", Map.of())));
    }
    assertThat(redis.xpending(STREAM, GROUP).getTotal()).isEqualTo(20);

    // when: the survivor reads the rest, then reclaims the dead consumer's entries once idle
    int processed = survivor.pollOnce();
    Thread.sleep(300);
    for (int round = 0; round < 10 && processed < 30; round++) {
      processed += survivor.pollOnce();
    }

    // then: every event exactly once
    assertThat(processed).isEqualTo(30);
    assertThat(fixture.store.find("ana").orElseThrow().count("email_open")).isEqualTo(30);
    assertThat(redis.xpending(STREAM, GROUP).getTotal()).isZero();
    assertThat(redis.xrange(fixture.outbox.key(), "-", "+"))
        .filteredOn(e -> e.getFields().get("name").equals("lead-engaged"))
        .extracting(e -> e.getFields().get("id"))
        .as("one journey message per event, none for the redelivered ones")
        .hasSize(30)
        .doesNotHaveDuplicates();
  }

  private void add(String event) {
    redis.xadd(STREAM, StreamEntryID.NEW_ENTRY, Map.of("event", event));
  }
}
