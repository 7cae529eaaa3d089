package io.jornada.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.jornada.lead.SalesQueue;
import io.jornada.workers.HandOffToSalesWorker.Input;
import io.jornada.workers.HandOffToSalesWorker.Output;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HandOffToSalesWorkerTest {

  private static final class ListSalesQueue implements SalesQueue {
    final List<HandOff> handOffs = new ArrayList<>();

    @Override
    public void handOff(String leadId, double score, List<String> reasons) {
      handOffs.add(new HandOff(leadId, score, reasons));
    }

    @Override
    public void refresh(String leadId, double score, List<String> reasons) {
      handOffs.replaceAll(h -> h.leadId().equals(leadId) ? new HandOff(leadId, score, reasons) : h);
    }

    @Override
    public List<HandOff> top(int limit) {
      return handOffs.stream().limit(limit).toList();
    }

    @Override
    public Set<String> queued(Collection<String> leadIds) {
      return handOffs.stream().map(HandOff::leadId).filter(leadIds::contains).collect(Collectors.toSet());
    }
  }

  @Test
  void shouldQueueTheLeadWithItsScoreAndReasons() {
    // given
    var queue = new ListSalesQueue();
    var clock = Clock.fixed(Instant.parse("2025-03-10T12:00:00Z"), ZoneOffset.UTC);
    var worker = new HandOffToSalesWorker(queue, clock);

    // when
    Output output = worker.handOff(new Input("lead-1", 0.81, List.of("pricing_view=5 (+0.83)")));

    // then
    assertThat(output).isEqualTo(new Output("2025-03-10T12:00:00Z"));
    assertThat(queue.handOffs)
        .containsExactly(new SalesQueue.HandOff("lead-1", 0.81, List.of("pricing_view=5 (+0.83)")));
  }
}
