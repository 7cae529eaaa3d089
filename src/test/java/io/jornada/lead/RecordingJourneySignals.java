package io.jornada.lead;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.RedisClient;

/**
 * A {@link JourneySignals} that remembers what it was told, for tests. Its journeys catch every
 * message name but those in {@link #notCaught}; {@link #failNext} makes publications fail as an
 * unreachable engine would, and
 * {@link #refused} message ids are refused as an engine rejecting the request would.
 */
class RecordingJourneySignals implements JourneySignals {

  final List<String> created = new CopyOnWriteArrayList<>();
  /** Message ids of {@code lead-engaged} messages. */
  final List<String> engaged = new CopyOnWriteArrayList<>();
  final List<JourneyMessage> messages = new CopyOnWriteArrayList<>();
  final Set<String> notCaught = new CopyOnWriteArraySet<>();
  /** Publications of these message ids are refused by the engine, for good. */
  final Set<String> refused = new CopyOnWriteArraySet<>();
  /** Publications of these message ids stay in flight until the test completes them. */
  final Map<String, CompletableFuture<Void>> held = new ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();

  @Override
  public void leadCreated(LeadProfile lead) {
    created.add(lead.leadId());
  }

  @Override
  public boolean catches(String messageName) {
    return !notCaught.contains(messageName);
  }

  @Override
  public CompletableFuture<Void> publish(JourneyMessage message) {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return CompletableFuture.failedFuture(new IllegalStateException("engine unreachable"));
    }
    if (refused.contains(message.messageId())) {
      return CompletableFuture.failedFuture(new MessageRefusedException("the engine refused the message (HTTP 400)", null));
    }
    messages.add(message);
    if (message.name().equals("lead-engaged")) {
      engaged.add(message.messageId());
    }
    return held.getOrDefault(message.messageId(), CompletableFuture.completedFuture(null));
  }

  /** The next {@code count} publications fail. */
  void failNext(int count) {
    failures.set(count);
  }

  List<JourneyMessage> named(String name) {
    return messages.stream().filter(m -> m.name().equals(name)).toList();
  }

  void clear() {
    created.clear();
    engaged.clear();
    messages.clear();
    notCaught.clear();
    held.clear();
    refused.clear();
    failures.set(0);
  }

  /** Waits until the application's outbox publisher has published everything appended so far. */
  static void awaitOutboxPublished(String redisUrl, String key) {
    try (RedisClient redis = RedisClient.create(URI.create(redisUrl))) {
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> redis.xlen(key) == 0);
    }
  }
}
