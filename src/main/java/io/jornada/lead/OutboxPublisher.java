package io.jornada.lead;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Publishes the journey outbox to the {@link JourneySignals}, at least once: one consumer of the
 * outbox's consumer group. An entry is acknowledged and deleted ({@code XACK}, {@code XDEL}) only
 * after the engine accepted its message (or already had it), so a crash leaves it pending; a
 * failed publication stays pending with this publisher and is retried, once nothing else is in
 * flight, before anything new; entries pending longer than {@code min-idle} with a dead publisher
 * are reclaimed with {@code XAUTOCLAIM}, also only while nothing is in flight, so an entry being
 * published is never read twice.
 *
 * <p>An application without a {@link JourneySignals} (no journeys) reads nothing: the entries
 * wait for a publisher that can publish them.
 *
 * <p>The messages of one lead are published one after the other, in outbox order: a lead's
 * publications wait for its previous ones still in flight, and fail with them (they are retried
 * together, in order). Other leads do not wait: reading the next batch does not wait for the
 * previous one, so one slow publication delays its lead only. At most {@code max-in-flight} leads'
 * publications are in flight. Event messages
 * of the same lead and name within a batch are coalesced into one publication: its message id is
 * the first event's (so a redelivered batch is de-duplicated by the engine), its variables the last
 * event's ({@code lastEngagement}). Three clicks in a burst thus wake a waiting journey once, as
 * one engagement, instead of buffering three messages that would wake its next three waits.
 * Segment messages and score crossings are never coalesced: each change counts.
 *
 * <p>Event messages are also paced per lead and name by {@code wake-interval}: the first is
 * published at once (a waiting journey reacts without delay), those that follow within the
 * interval stay pending (not acknowledged) and are coalesced into one publication when it ends. A
 * lead clicking through a campaign thus wakes its journey at most once per interval, however many
 * events arrive, and the engine's work follows the leads, not the event rate. A paced message may
 * be overtaken by a later segment message or score crossing of its lead. After a crash, paced
 * entries are pending like any other and are published by whoever reads them next.
 *
 * <p>A message the engine refuses for good ({@link MessageRefusedException}) is moved to the
 * dead-letter stream {@code <outbox key>:dead} (with the reason) and acknowledged, so it never
 * blocks its lead's later messages.
 */
final class OutboxPublisher implements PollingRunner.Poller {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
  private static final StreamEntryID PEL_START = new StreamEntryID(0, 0);

  private final RedisClient redis;
  private final JourneyOutbox outbox;
  private final CorrelationProperties.Outbox settings;
  private final JourneyPorts journeys;
  private final String name;
  private final StreamGroup group;
  /** Set at start and after a failed publication: this publisher's own pending entries go first. */
  private boolean ownPendingFirst = true;
  /** Where the pass through this publisher's own pending entries goes on. */
  private StreamEntryID pendingCursor = PEL_START;
  private final Semaphore slots;
  /** Per lead, its last publication in flight: the lead's next ones chain after it. */
  private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
  private final Queue<StreamEntryID> published = new ConcurrentLinkedQueue<>();
  private final Queue<Refused> refused = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failedLeads = new AtomicInteger();
  private final Clock clock;
  private final long wakeInterval;
  /**
   * Per lead and name ({@link Publication#pacingKey}), when its last event message was published,
   * oldest first (a wake moves its key to the end): the keys whose interval ended are always at the
   * front, so a poll looks at those only.
   */
  private final Map<String, Long> lastWake = new LinkedHashMap<>();
  /** Per lead and name, the event messages waiting for the end of its interval. */
  private final Map<String, Publication> paced = new LinkedHashMap<>();

  OutboxPublisher(
      RedisClient redis,
      JourneyOutbox outbox,
      CorrelationProperties.Outbox settings,
      ObjectProvider<JourneySignals> signals,
      String name,
      Clock clock) {
    this.redis = redis;
    this.clock = clock;
    this.wakeInterval = settings.wakeInterval().toMillis();
    this.outbox = outbox;
    this.settings = settings;
    this.journeys = new JourneyPorts(signals);
    this.name = name;
    this.slots = new Semaphore(settings.maxInFlight());
    this.group = new StreamGroup(redis, outbox.key(), settings.group(), name, settings.minIdle(), settings.batchSize(), clock);
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Starts publishing one batch: this publisher's pending entries after a failure, else entries
   * reclaimed from a dead publisher, else new ones (waiting up to {@code block}, less while
   * publications are in flight). Returns how many entries were acknowledged by this poll.
   *
   * @throws IllegalStateException when some messages could not be published (they stay pending)
   */
  @Override
  public int pollOnce() {
    if (journeys.isEmpty()) {
      idle();
      return 0;
    }
    group.ensure();
    List<StreamEntry> entries = List.of();
    int acknowledged = 0;
    try {
      if (ownPendingFirst || inFlight.isEmpty()) {
        // Nothing in flight and all that was published acknowledged: what is pending is not being published.
        settle();
        acknowledged = acknowledge();
        if (ownPendingFirst) {
          entries = readOwnPending();
        }
        if (entries.isEmpty()) {
          ownPendingFirst = false;
          entries = group.reclaim();
        }
      }
      if (entries.isEmpty()) {
        entries = group.read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, blockMillis());
      }
    } catch (JedisDataException e) {
      if (group.lost(e)) {
        return acknowledged;
      }
      throw e;
    }
    publish(entries);
    releaseDue();
    if (failedLeads.get() > 0) {
      settle();
      acknowledged += acknowledge();
      int failed = failedLeads.getAndSet(0);
      ownPendingFirst = true;
      pendingCursor = PEL_START;
      throw new IllegalStateException("the journey messages of " + failed + " leads could not be published; "
          + acknowledged + " entries were, the rest are left pending");
    }
    return acknowledged + acknowledge();
  }

  /**
   * The next page of this publisher's own pending entries, one pass through them: paced entries
   * are pending too, so "until none is left" would never end. Empty when the pass is over.
   */
  private List<StreamEntry> readOwnPending() {
    if (pendingCursor.equals(PEL_START)) {
      paced.clear(); // they are read again in this pass, and paced again
    }
    List<StreamEntry> entries = group.read(pendingCursor, 0);
    pendingCursor = entries.isEmpty() ? PEL_START : entries.get(entries.size() - 1).getID();
    return entries;
  }

  /** How long a read may wait for new entries: less while publications are in flight or paced. */
  private int blockMillis() {
    long block = settings.block().toMillis();
    if (!inFlight.isEmpty()) {
      block = Math.min(block, 20);
    }
    if (!paced.isEmpty()) {
      // The oldest wake ends first; a paced key's wake is no older, so this never waits too long.
      long oldest = lastWake.values().iterator().next();
      block = Math.min(block, Math.max(1, oldest + wakeInterval - clock.millis()));
    }
    return (int) block;
  }

  /** Starts each lead's publications, except the event messages its wake interval holds back. */
  private void publish(List<StreamEntry> entries) {
    long now = clock.millis();
    coalesce(entries).forEach((leadId, publications) -> {
      List<Publication> ready = new ArrayList<>(publications.size());
      for (Publication publication : publications) {
        if (!publication.mergeable || wakeInterval == 0) {
          ready.add(publication);
          continue;
        }
        String key = publication.pacingKey();
        Publication waiting = paced.get(key);
        Long last = lastWake.get(key);
        if (waiting != null) {
          waiting.absorb(publication);
        } else if (last != null && now - last < wakeInterval) {
          paced.put(key, publication);
        } else {
          wake(key, now);
          ready.add(publication);
        }
      }
      if (!ready.isEmpty()) {
        start(leadId, ready);
      }
    });
  }

  /** Publishes the paced messages whose interval ended; forgets leads quiet for an interval. */
  private void releaseDue() {
    long now = clock.millis();
    Map<String, List<Publication>> due = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, Long>> it = lastWake.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> wake = it.next();
      if (now - wake.getValue() < wakeInterval) {
        break; // the later wakes' intervals end later still
      }
      it.remove();
      Publication waiting = paced.remove(wake.getKey());
      if (waiting != null) {
        due.computeIfAbsent(waiting.first.leadId(), lead -> new ArrayList<>()).add(waiting);
      }
    }
    due.values().forEach(publications -> publications.forEach(p -> lastWake.put(p.pacingKey(), now)));
    due.forEach(this::start);
  }

  /** Records a publication of the key's event messages now, at the end of the wake order. */
  private void wake(String key, long now) {
    lastWake.remove(key);
    lastWake.put(key, now);
  }

  /** Chains the lead's publications after its ones still in flight. */
  private void start(String leadId, List<Publication> publications) {
    slots.acquireUninterruptibly();
    CompletableFuture<Void> chain = inFlight.getOrDefault(leadId, CompletableFuture.completedFuture(null));
    for (Publication publication : publications) {
      chain = chain.thenCompose(ignored -> publishOrSetAside(publication));
    }
    CompletableFuture<Void> tail = chain;
    inFlight.put(leadId, tail);
    tail.whenComplete((ignored, failure) -> {
      inFlight.remove(leadId, tail);
      slots.release();
      if (failure != null) {
        failedLeads.incrementAndGet();
        LOG.debug("Journey messages of lead {} not published: {}", leadId, failure.toString());
      }
    });
  }

  private CompletableFuture<Void> publishOrSetAside(Publication publication) {
    return journeys.publish(publication.message())
        .thenRun(() -> published.addAll(publication.entryIds))
        .exceptionallyCompose(failure -> {
          for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MessageRefusedException refusal) {
              LOG.warn("Journey message {} (id {}) refused by the engine, moved to {}:dead: {}",
                  publication.first.name(), publication.first.messageId(), outbox.key(), refusal.getMessage());
              refused.add(new Refused(publication, refusal.getMessage()));
              return CompletableFuture.completedFuture(null);
            }
          }
          return CompletableFuture.failedFuture(failure);
        });
  }

  private void idle() {
    try {
      Thread.sleep(settings.block().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until nothing is in flight; failures are counted by the publications themselves. */
  private void settle() {
    while (!inFlight.isEmpty()) {
      CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
      // The callbacks that remove finished publications run right after; let them.
      inFlight.values().removeIf(CompletableFuture::isDone);
    }
  }

  /** Groups by lead in outbox order and merges each lead's event messages of the same name. */
  private Map<String, List<Publication>> coalesce(List<StreamEntry> entries) {
    Map<String, List<Publication>> byLead = new LinkedHashMap<>();
    for (StreamEntry raw : entries) {
      JourneyOutbox.Entry entry = outbox.read(raw);
      if (entry == null) {
        published.add(raw.getID());
        continue;
      }
      List<Publication> publications = byLead.computeIfAbsent(entry.message().leadId(), lead -> new ArrayList<>());
      Publication target = null;
      if (entry.mergeable()) {
        for (Publication publication : publications) {
          if (publication.mergeable && publication.first.name().equals(entry.message().name())) {
            target = publication;
            break;
          }
        }
      }
      if (target == null) {
        publications.add(new Publication(entry));
      } else {
        target.merge(entry);
      }
    }
    return byLead;
  }

  /**
   * Acknowledges and deletes what was published since the last call, in one pipeline, so the
   * outbox's length is what is left to publish; returns how many.
   */
  private int acknowledge() {
    List<StreamEntryID> ids = new ArrayList<>();
    for (StreamEntryID id = published.poll(); id != null; id = published.poll()) {
      ids.add(id);
    }
    List<Refused> setAside = new ArrayList<>();
    for (Refused r = refused.poll(); r != null; r = refused.poll()) {
      setAside.add(r);
      ids.addAll(r.publication().entryIds);
    }
    if (ids.isEmpty()) {
      return 0;
    }
    StreamEntryID[] array = ids.toArray(StreamEntryID[]::new);
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (Refused r : setAside) {
        JourneyMessage message = r.publication().message();
        pipeline.xadd(outbox.key() + ":dead", StreamEntryID.NEW_ENTRY, Map.of(
            "name", message.name(), "key", message.leadId(), "id", message.messageId(), "reason", r.reason(),
            "variables", outbox.variablesJson(message.variables())));
      }
      pipeline.xack(outbox.key(), settings.group(), array);
      pipeline.xdel(outbox.key(), array);
      pipeline.sync();
    } catch (RuntimeException e) {
      // Redis unreachable: they are published (or refused), acknowledge them on a later poll.
      setAside.forEach(refused::add);
      ids.removeIf(id -> setAside.stream().anyMatch(r -> r.publication().entryIds.contains(id)));
      published.addAll(ids);
      throw e;
    }
    return ids.size();
  }

  /** A publication the engine refused for good, and why. */
  private record Refused(Publication publication, String reason) {}

  /** One message to publish and the outbox entries it stands for. */
  private static final class Publication {
    final JourneyMessage first;
    final boolean mergeable;
    final List<StreamEntryID> entryIds = new ArrayList<>();
    JourneyMessage last;

    Publication(JourneyOutbox.Entry entry) {
      this.first = entry.message();
      this.mergeable = entry.mergeable();
      this.last = entry.message();
      entryIds.add(entry.id());
    }

    void merge(JourneyOutbox.Entry entry) {
      last = entry.message();
      entryIds.add(entry.id());
    }

    /** Takes in a later publication of the same lead and name: its entries, its variables. */
    void absorb(Publication later) {
      last = later.last;
      entryIds.addAll(later.entryIds);
    }

    /** The lead and message name, which the wake interval paces. */
    String pacingKey() {
      return first.leadId() + '\n' + first.name();
    }

    /** The first message's id, the last one's variables and time to live. */
    JourneyMessage message() {
      return new JourneyMessage(first.name(), first.leadId(), first.messageId(), last.timeToLive(), last.variables());
    }
  }
}
