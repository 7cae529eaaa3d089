package io.jornada.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the demo saw, and its text summary. Holds lead ids only; any e-mail address or phone number
 * that slips into a reason is masked, so the summary never shows personal data.
 *
 * @param started journeys started (leads accepted by {@code POST /api/leads})
 * @param completed journeys that reached an end event
 * @param active journeys still waiting or working when the demo stopped
 * @param engaged leads that received engagement events
 * @param messagesPerChannel messages in the outbox per channel, for the demo's leads
 * @param outboxTruncated whether the outbox read hit its limit, so counts are lower bounds
 * @param handOffs demo leads in the sales queue
 * @param topLeads the head of the sales queue, highest score first
 * @param elapsed time from the first lead to the summary
 * @param timedOut whether the demo stopped at its timeout
 */
public record DemoReport(
    int started,
    long completed,
    long active,
    int engaged,
    Map<String, Long> messagesPerChannel,
    boolean outboxTruncated,
    int handOffs,
    List<QueuedLead> topLeads,
    Duration elapsed,
    boolean timedOut) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d ()-]{6,18}\\d");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public DemoReport {
    messagesPerChannel = Map.copyOf(messagesPerChannel);
    topLeads = List.copyOf(topLeads);
  }

  /** One lead of the sales queue: its id, score (0..1) and reason codes, strongest first. */
  public record QueuedLead(String leadId, double score, List<String> reasons) {

    public QueuedLead {
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }

  /** The process exit code: non-zero when no journey completed. */
  public int exitCode() {
    return completed > 0 ? 0 : 1;
  }

  /** A progress bar such as {@code [#####.....] 120/300 journeys done}. */
  public static String progressBar(long done, long total, int width) {
    long clamped = Math.max(0, Math.min(done, total));
    int filled = total == 0 ? width : (int) (clamped * width / total);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total
        + " journeys done";
  }

  /** The summary, several lines, ending with a newline. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("\nJornada demo summary")
        .append(timedOut ? " (stopped at the timeout)" : "")
        .append(String.format(Locale.ROOT, ", %.1f s%n", elapsed.toMillis() / 1000.0));
    out.append(String.format(Locale.ROOT, "  journeys started    %6d%n", started));
    out.append(String.format(Locale.ROOT, "  journeys completed  %6d%n", completed));
    out.append(String.format(Locale.ROOT, "  journeys active     %6d%n", active));
    out.append(String.format(Locale.ROOT, "  leads engaged       %6d%n", engaged));
    long total = messagesPerChannel.values().stream().mapToLong(Long::longValue).sum();
    out.append(String.format(
        Locale.ROOT, "  messages sent       %6d%s%n", total, outboxTruncated ? "+" : ""));
    new TreeMap<>(messagesPerChannel)
        .forEach((channel, n) ->
            out.append(String.format(Locale.ROOT, "    %-17s %6d%n", mask(channel), n)));
    out.append(String.format(Locale.ROOT, "  hand-offs to sales  %6d%n", handOffs));
    if (topLeads.isEmpty()) {
      out.append("  sales queue is empty\n");
    } else {
      out.append("  top of the sales queue:\n");
      for (QueuedLead lead : topLeads) {
        String reason = lead.reasons().isEmpty() ? "-" : mask(lead.reasons().get(0));
        out.append(String.format(
            Locale.ROOT, "    %-36s %3.0f%%  %s%n", mask(lead.leadId()), lead.score() * 100, reason));
      }
    }
    return out.toString();
  }

  /** Masks e-mail addresses and phone numbers: reasons and ids should never hold them, but if they do. */
  static String mask(String text) {
    if (text == null) {
      return "";
    }
    if (UUID.matcher(text).matches()) {
      return text;
    }
    String masked = EMAIL.matcher(text).replaceAll("[e-mail]");
    return PHONE.matcher(masked).replaceAll(m -> digits(m.group()) >= 8 ? "[phone]" : m.group());
  }

  private static long digits(String text) {
    return text.chars().filter(Character::isDigit).count();
  }
}
