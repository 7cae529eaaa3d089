package io.jornada.lead;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Runs pollers (the ingest consumers, the journey outbox publisher, scoring's re-scorer), one thread each, for
 * the application's lifetime. A failure (Redis down, a journey engine that does not answer) leaves
 * the batch pending and backs off, doubling up to 5 s; the entries are processed again once the
 * cause is gone.
 */
public final class PollingRunner implements SmartLifecycle {

  /** One consumer of a Redis stream's consumer group, or of another queue in Redis. */
  public interface Poller {

    /** Its consumer name (in the group), which names its thread. */
    String name();

    /**
     * Reads and processes one batch; returns how many entries it processed. Waits a little when
     * there is nothing to process. Throws to leave the batch pending and back off.
     */
    int pollOnce();
  }

  private static final Logger LOG = LoggerFactory.getLogger(PollingRunner.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final String what;
  private final List<Poller> consumers;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  /**
   * @param what names the threads and the log lines, for example {@code stream-ingest}
   */
  public PollingRunner(String what, List<? extends Poller> consumers) {
    this.what = what;
    this.consumers = List.copyOf(consumers);
  }

  @Override
  public synchronized void start() {
    running = true;
    for (Poller consumer : consumers) {
      Thread thread = new Thread(() -> run(consumer), what + "-" + consumer.name());
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void run(Poller consumer) {
    long backoff = 50;
    while (running) {
      try {
        consumer.pollOnce();
        backoff = 50;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        if (LeadApiProblems.isOutage(e) || e instanceof JedisConnectionException) {
          LOG.warn("{}: Redis unreachable, retrying in {} ms", what, backoff);
        } else {
          LOG.warn("{}: batch failed ({}), left pending; retrying in {} ms", what, e.toString(), backoff);
        }
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    // Wakes consumers sleeping in a backoff; one blocked in XREADGROUP returns within `block`.
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      try {
        thread.join(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
