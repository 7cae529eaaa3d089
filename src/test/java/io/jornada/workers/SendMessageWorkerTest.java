package io.jornada.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.jornada.channel.MessageSender;
import io.jornada.channel.SendOutcome;
import io.jornada.channel.SendOutcome.Status;
import io.jornada.channel.SendRequest;
import io.jornada.workers.SendMessageWorker.Input;
import io.jornada.workers.SendMessageWorker.Output;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendMessageWorkerTest {

  /** Remembers requests and, like the real sender, sends each idempotency key once. */
  private static final class RecordingSender implements MessageSender {
    final List<SendRequest> requests = new ArrayList<>();
    private final Map<String, String> sent = new HashMap<>();

    @Override
    public SendOutcome send(SendRequest request) {
      requests.add(request);
      String previous = sent.putIfAbsent(request.idempotencyKey(), "msg-" + (sent.size() + 1));
      return previous == null
          ? new SendOutcome(sent.get(request.idempotencyKey()), request.channel(), Status.SENT)
          : new SendOutcome(previous, request.channel(), Status.DUPLICATE);
    }
  }

  private final RecordingSender sender = new RecordingSender();
  private final SendMessageWorker worker = new SendMessageWorker(sender);

  @Test
  void shouldSendTheSegmentTemplateWithTheJobKeyAsIdempotencyKey() {
    // when
    Output output =
        worker.sendMessage(
            2251799813685249L,
            Map.of("templatePrefix", "nurture-"),
            new Input("lead-1", "whatsapp", "hot-decision", "A"));

    // then
    assertThat(output).isEqualTo(new Output("msg-1", "SENT"));
    assertThat(sender.requests)
        .singleElement()
        .isEqualTo(
            new SendRequest(
                "2251799813685249",
                "lead-1",
                "whatsapp",
                "nurture-hot",
                Map.of("segment", "hot-decision", "band", "A")));
  }

  @Test
  void shouldNotSendTwiceWhenTheSameJobIsRetried() {
    // given
    var input = new Input("lead-1", "email", "warm-consideration", "B");
    worker.sendMessage(42L, Map.of(), input);

    // when
    Output retried = worker.sendMessage(42L, Map.of(), input);

    // then
    assertThat(retried).isEqualTo(new Output("msg-1", "DUPLICATE"));
    assertThat(sender.requests).extracting(SendRequest::idempotencyKey).containsExactly("42", "42");
  }

  @Test
  void shouldUseTheDefaultTemplatePrefixWhenTheHeaderIsMissing() {
    // when
    worker.sendMessage(7L, Map.of(), new Input("lead-1", "email", "cold-awareness", "D"));

    // then
    assertThat(sender.requests).singleElement().extracting(SendRequest::templateId).isEqualTo("nurture-cold");
  }
}
