package io.jornada.lead;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The segment decisions marketers own: every {@code dmn/segment-*.dmn} on the classpath, decision
 * id = file name. Each decision puts a lead in at most one segment (its output, a string); the
 * decisions are evaluated with dmn-scala, Camunda 8's own DMN engine, so a rule behaves here as it
 * does in a journey's business rule task.
 */
final class SegmentRules {

  static final String LOCATION = "classpath*:dmn/segment-*.dmn";

  /** Bound of the memo; clearing it when full is simpler than LRU and costs one re-evaluation each. */
  private static final int MEMO_SIZE = 10_000;

  private final DmnEngine engine = new DmnEngine.Builder().build();
  private final Map<String, ParsedDmn> decisions = new LinkedHashMap<>();
  /**
   * The decisions are pure functions of a few low-cardinality inputs: remembering the answer per
   * input keeps "evaluate on every event" exact at a fraction of the cost. (Profiled with
   * feel-engine 1.20.0, which rebuilt its built-in functions on every evaluation, evaluating was 98%
   * of the stream consumers' CPU; 1.20.2 no longer does, and a table is still many evaluations.)
   */
  private final Map<SegmentInput, List<String>> memo = new ConcurrentHashMap<>();

  SegmentRules(List<Resource> resources) {
    for (Resource resource : resources) {
      String file = resource.getFilename();
      String decisionId = file.substring(0, file.length() - ".dmn".length());
      try (InputStream in = resource.getInputStream()) {
        var parsed = engine.parse(in);
        if (parsed.isLeft()) {
          throw new IllegalStateException("Segment decision " + file + " does not parse: " + parsed.left().get());
        }
        decisions.put(decisionId, parsed.toOption().get());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    // One evaluation at start: a broken rule fails the start, not the first event, and the first
    // event does not pay for compiling the FEEL expressions.
    segmentsOf(new SegmentInput(RedisSegments.NO_SCORE_BAND, null, null, 0, null));
  }

  /** The segment decisions found at {@link #LOCATION}. */
  static SegmentRules fromClasspath() {
    try {
      return new SegmentRules(List.of(new PathMatchingResourcePatternResolver().getResources(LOCATION)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + LOCATION, e);
    }
  }

  /**
   * The segments the lead belongs to. Inputs: {@code band} (A-D) and {@code lead} ({@code
   * funnelStage}, {@code source}, {@code companySize}, {@code preferredChannel}).
   *
   * @throws IllegalStateException when a decision fails to evaluate (a broken rule, not bad input)
   */
  List<String> segmentsOf(SegmentInput input) {
    List<String> known = memo.get(input);
    if (known != null) {
      return known;
    }
    List<String> segments = evaluate(input);
    if (memo.size() >= MEMO_SIZE) {
      memo.clear();
    }
    memo.put(input, segments);
    return segments;
  }

  private List<String> evaluate(SegmentInput input) {
    Map<String, Object> lead = new HashMap<>();
    lead.put("funnelStage", input.funnelStage());
    lead.put("source", input.source());
    lead.put("companySize", input.companySize());
    lead.put("preferredChannel", input.preferredChannel());
    Map<String, Object> variables = new HashMap<>();
    variables.put("band", input.band());
    variables.put("lead", lead);
    List<String> segments = new ArrayList<>(decisions.size());
    decisions.forEach((decisionId, parsed) -> {
      var result = engine.eval(parsed, decisionId, variables);
      if (result.isLeft()) {
        throw new IllegalStateException("Segment decision " + decisionId + " failed: " + result.left().get());
      }
      var value = result.toOption().get();
      if (!value.isNil() && value.value() instanceof String segment && !segment.isBlank()) {
        segments.add(segment);
      }
    });
    return List.copyOf(segments);
  }

  /** What the segment decisions read about one lead. */
  record SegmentInput(
      String band, String funnelStage, String source, int companySize, String preferredChannel) {}
}
