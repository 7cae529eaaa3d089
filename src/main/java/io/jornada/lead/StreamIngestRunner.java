package io.jornada.lead;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Runs the stream consumers, one thread each, for the application's lifetime. A failure (Redis
 * down, a journey engine that does not answer) leaves the batch pending and backs off, doubling up
 * to 5 s; the entries are reclaimed and processed once the cause is gone.
 */
final class StreamIngestRunner implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StreamIngestRunner.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final List<StreamIngestConsumer> consumers;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  StreamIngestRunner(List<StreamIngestConsumer> consumers) {
    this.consumers = List.copyOf(consumers);
  }

  @Override
  public synchronized void start() {
    running = true;
    for (StreamIngestConsumer consumer : consumers) {
      Thread thread = new Thread(() -> run(consumer), "stream-ingest-" + consumer.name());
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void run(StreamIngestConsumer consumer) {
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
          LOG.warn("Ingest stream: Redis unreachable, retrying in {} ms", backoff);
        } else {
          LOG.warn("Ingest stream: batch failed ({}), left pending; retrying in {} ms", e.toString(), backoff);
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
