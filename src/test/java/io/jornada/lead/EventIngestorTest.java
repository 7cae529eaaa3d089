package io.jornada.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.jornada.support.RedisServer;
import io.jornada.support.RedisServerExtension;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

@ExtendWith(RedisServerExtension.class)
class EventIngestorTest {

  private RedisClient redis;
  private IngestFixture fixture;

  @BeforeEach
  void setUp(RedisServer server) {
    redis = RedisClient.create(URI.create(server.url()));
    fixture = new IngestFixture(redis);
    fixture.store.upsert(RedisLeadStateStoreTest.lead("ana"));
    fixture.store.upsert(RedisLeadStateStoreTest.lead("bia"));
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  @Test
  void shouldTellListenersOncePerLeadAndBatchWithItsLastNewEvent() {
    // given: a batch with three events of one lead, two of another, and a duplicate
    Instant now = Instant.now();
    fixture.ingestor.ingest(List.of(event("a-0", "ana", now)));
    fixture.heard.clear();

    // when
    fixture.ingestor.ingest(List.of(
        event("a-0", "ana", now), event("a-1", "ana", now), event("b-1", "bia", now),
        event("a-2", "ana", now), event("b-2", "bia", now)));

    // then: re-scoring a lead once per batch is enough, and it sees the state after all its events
    assertThat(fixture.heard).extracting(LeadEvent::eventId).containsExactly("a-2", "b-2");
  }

  private static LeadEvent event(String eventId, String leadId, Instant at) {
    return new LeadEvent(eventId, leadId, "email_open", at, "email", Map.of());
  }
}
