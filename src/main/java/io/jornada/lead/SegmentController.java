package io.jornada.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.resps.ScanResult;

/** Dynamic segments: their sizes and their leads, page by page. */
@RestController
@RequestMapping("/api/segments")
class SegmentController {

  private final RedisSegments segments;

  SegmentController(RedisSegments segments) {
    this.segments = segments;
  }

  /** Every segment that ever had a member, with its size now (possibly 0). */
  @GetMapping
  List<SegmentSize> list() {
    return segments.sizes().entrySet().stream().map(e -> new SegmentSize(e.getKey(), e.getValue())).toList();
  }

  /** One segment and how many leads are in it. */
  record SegmentSize(String id, long size) {}

  /**
   * One page of the segment's lead ids, about {@code limit} of them (a Redis {@code SSCAN}: a small
   * segment comes in one page). {@code next} is the cursor of the next page, null after the last.
   */
  @GetMapping("/{segmentId}/leads")
  Map<String, Object> leads(
      @PathVariable String segmentId,
      @RequestParam(defaultValue = "0") String cursor,
      @RequestParam(defaultValue = "100") int limit) {
    if (!cursor.matches("[0-9]{1,20}")) {
      throw new InvalidRequestException(List.of("cursor must be the 'next' value of the previous page"));
    }
    if (limit < 1 || limit > 1000) {
      throw new InvalidRequestException(List.of("limit must be between 1 and 1000"));
    }
    ScanResult<String> page = segments.members(segmentId, cursor, limit);
    String next = page.isCompleteIteration() ? null : page.getCursor();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("segment", segmentId);
    body.put("leads", page.getResult().stream().sorted().toList());
    body.put("next", next);
    return body;
  }
}
