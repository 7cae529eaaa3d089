package io.jornada.lead;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lead ingestion and lookup. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

  private final LeadService leads;
  private final Set<String> eventTypes;
  private final Clock clock = Clock.systemUTC();

  LeadController(LeadService leads, IngestProperties ingest) {
    this.leads = leads;
    this.eventTypes = Set.copyOf(ingest.eventTypes());
  }

  /** 201 for a new lead, 200 when an existing lead was updated. */
  @PostMapping
  ResponseEntity<Map<String, Object>> save(@RequestBody LeadRequest request) {
    LeadProfile lead = request.toProfile();
    boolean created = leads.save(lead);
    Map<String, Object> body = Map.of("leadId", lead.leadId(), "created", created);
    if (!created) {
      return ResponseEntity.ok(body);
    }
    return ResponseEntity.created(URI.create("/api/leads/" + lead.leadId())).body(body);
  }

  /** 202 when recorded, 200 with {@code duplicate: true} when the eventId was already seen. */
  @PostMapping("/{leadId}/events")
  ResponseEntity<Map<String, Object>> record(
      @PathVariable String leadId, @RequestBody EventRequest request) {
    LeadEvent event = request.toEvent(leadId, clock.instant());
    if (!eventTypes.contains(event.type())) {
      throw new InvalidRequestException(List.of("type must be one of " + eventTypes.stream().sorted().toList()));
    }
    boolean recorded = leads.record(event);
    return ResponseEntity.status(recorded ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(Map.of("eventId", event.eventId(), "duplicate", !recorded));
  }

  @GetMapping("/{leadId}")
  LeadProfile find(@PathVariable String leadId) {
    return leads.find(leadId).orElseThrow(() -> new UnknownLeadException(leadId));
  }

  /** Decayed counters, last-seen per channel and the send-time histogram, decayed to now. */
  @GetMapping("/{leadId}/engagement")
  LeadEngagement engagement(@PathVariable String leadId) {
    leads.find(leadId).orElseThrow(() -> new UnknownLeadException(leadId));
    return leads.engagement(leadId);
  }
}
