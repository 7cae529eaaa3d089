package io.jornada.scoring;

import io.jornada.lead.PollingRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-scores the leads the {@link RescoreQueue} says are due, a batch at a time, off the ingest
 * path: ingest only marks leads due, so re-scoring a lead costs one scoring per burst of its
 * events instead of one per ingest batch, and its cost never holds up the acknowledgement of
 * events. A failed batch stays leased and is claimed again when its lease ends.
 */
public final class Rescorer implements PollingRunner.Poller {

  private static final Logger LOG = LoggerFactory.getLogger(Rescorer.class);

  /** The longest wait when no lead is due: new leads become due {@code delay} after their event. */
  private static final long MAX_IDLE_MILLIS = 100;

  private final RescoreQueue queue;
  private final LeadScoring scoring;
  private final int batchSize;
  private final Duration lease;
  private final String name;
  private final Clock clock;

  /**
   * @param batchSize leads claimed and re-scored together
   * @param lease how long a claimed batch is this re-scorer's
   * @param name names the thread
   */
  public Rescorer(RescoreQueue queue, LeadScoring scoring, int batchSize, Duration lease, String name, Clock clock) {
    this.queue = queue;
    this.scoring = scoring;
    this.batchSize = batchSize;
    this.lease = lease;
    this.name = name;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int pollOnce() {
    RescoreQueue.Claim claim = queue.claim(batchSize, lease);
    if (claim.leadIds().isEmpty()) {
      long wait = claim.nextDueMillis() == null
          ? MAX_IDLE_MILLIS
          : Math.max(1, Math.min(MAX_IDLE_MILLIS, claim.nextDueMillis() - clock.millis()));
      sleep(wait);
      return 0;
    }
    rescore(claim.leadIds());
    queue.done(claim);
    return claim.leadIds().size();
  }

  /**
   * The batch at once; when that fails, each lead alone, so that one lead whose re-score fails
   * (data no model can read) does not hold back the rest of its batch at every lease. The failed
   * ones are logged (ids only) and wait for their next event. When every lead fails alone too
   * (Redis unreachable), the failure is thrown: the batch stays leased and is claimed again.
   */
  private void rescore(List<String> leadIds) {
    try {
      scoring.rescoreAll(leadIds);
    } catch (RuntimeException batchFailure) {
      List<String> failed = new ArrayList<>();
      RuntimeException last = batchFailure;
      for (String leadId : leadIds) {
        try {
          scoring.rescoreAll(List.of(leadId));
        } catch (RuntimeException e) {
          failed.add(leadId);
          last = e;
        }
      }
      if (failed.size() == leadIds.size()) {
        throw last;
      }
      if (!failed.isEmpty()) {
        LOG.warn("Re-score failed for {} of {} leads, skipped until their next event: {} ({})", failed.size(),
            leadIds.size(), failed.subList(0, Math.min(10, failed.size())), last.toString());
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
}
