package io.jornada.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.jornada.lead.SalesQueue;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Task type {@code hand-off-to-sales}: puts the lead in the sales queue with its latest score. */
@Component
public class HandOffToSalesWorker {

  private final SalesQueue salesQueue;
  private final Clock clock;

  @Autowired
  HandOffToSalesWorker(SalesQueue salesQueue) {
    this(salesQueue, Clock.systemUTC());
  }

  HandOffToSalesWorker(SalesQueue salesQueue, Clock clock) {
    this.salesQueue = salesQueue;
    this.clock = clock;
  }

  /** Hands the lead off; the queue is idempotent by lead id, so a retried job is harmless. */
  @JobWorker(type = "hand-off-to-sales")
  public Output handOff(@VariablesAsType Input input) {
    salesQueue.handOff(
        input.leadId(), input.score(), input.reasons() == null ? List.of() : input.reasons());
    return new Output(clock.instant().toString());
  }

  /** Variables the task reads. */
  public record Input(String leadId, double score, List<String> reasons) {}

  /** Variables the task writes: {@code handedOffAt} is an ISO-8601 instant. */
  public record Output(String handedOffAt) {}
}
