package io.jornada.lead;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leads handed to sales, hottest first. */
@RestController
class SalesQueueController {

  static final int MAX_LIMIT = 1000;

  private final LeadService leads;

  SalesQueueController(LeadService leads) {
    this.leads = leads;
  }

  @GetMapping("/api/sales/queue")
  List<SalesQueue.HandOff> queue(@RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException(List.of("limit must be between 1 and " + MAX_LIMIT));
    }
    return leads.salesQueue(limit);
  }
}
