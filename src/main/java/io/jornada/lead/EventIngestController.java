package io.jornada.lead;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/events}: a batch of events as a JSON array or NDJSON. Valid events are kept
 * even when others in the batch are rejected: 202 with {@code {accepted, duplicates, rejected}};
 * 400 (problem+json with the same {@code rejected} list) only when no event was valid.
 */
@RestController
class EventIngestController {

  static final String NDJSON = "application/x-ndjson";

  private final EventBatchReader reader;
  private final EventIngestor ingestor;
  private final Clock clock = Clock.systemUTC();

  EventIngestController(EventBatchReader reader, EventIngestor ingestor) {
    this.reader = reader;
    this.ingestor = ingestor;
  }

  @PostMapping(path = "/api/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IngestReport> ingestArray(@RequestBody byte[] body) {
    return ingest(reader.readArray(body, clock.instant()));
  }

  @PostMapping(path = "/api/events", consumes = NDJSON)
  ResponseEntity<IngestReport> ingestNdjson(@RequestBody byte[] body) {
    return ingest(reader.readNdjson(body, clock.instant()));
  }

  private ResponseEntity<IngestReport> ingest(EventBatchReader.Batch batch) {
    List<RecordOutcome> outcomes = ingestor.ingest(batch.events);
    int accepted = 0;
    int duplicates = 0;
    List<EventValidator.Rejection> rejected = new ArrayList<>(batch.rejected);
    for (int i = 0; i < outcomes.size(); i++) {
      switch (outcomes.get(i)) {
        case RECORDED -> accepted++;
        case DUPLICATE -> duplicates++;
        case UNKNOWN_LEAD -> {
          LeadEvent event = batch.events.get(i);
          rejected.add(new EventValidator.Rejection(batch.indexes.get(i), event.eventId(), "unknown lead"));
        }
      }
    }
    rejected.sort((a, b) -> Integer.compare(a.index(), b.index()));
    IngestReport report = new IngestReport(accepted, duplicates, rejected);
    if (accepted + duplicates == 0) {
      throw new BatchRejectedException(report);
    }
    return ResponseEntity.accepted().body(report);
  }

  /** The answer to a batch: counts, and one entry per rejected event. */
  record IngestReport(int accepted, int duplicates, List<EventValidator.Rejection> rejected) {}

  /** No event of the batch was valid. */
  static final class BatchRejectedException extends RuntimeException {
    final transient IngestReport report;

    BatchRejectedException(IngestReport report) {
      super("no valid event in the batch");
      this.report = report;
    }
  }
}
