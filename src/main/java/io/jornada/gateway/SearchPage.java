package io.jornada.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.protocol.rest.SearchQueryPageResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Which part of the matches to answer: {@code from} and {@code limit} (offset paging, default 0 and
 * 100), or {@code after}/{@code before} a cursor from an earlier page's {@code endCursor}/{@code
 * startCursor}. Cursors here are positions in the sorted matches, so they shift when matches are
 * added before them.
 */
record SearchPage(int offset, int size, Cursor cursor, int position) {

  static final int DEFAULT_LIMIT = 100;

  enum Cursor { NONE, AFTER, BEFORE }

  static SearchPage parse(JsonNode page) {
    if (page.isMissingNode() || page.isNull()) {
      return new SearchPage(0, DEFAULT_LIMIT, Cursor.NONE, 0);
    }
    int limit = nonNegative("page.limit", page.path("limit"), DEFAULT_LIMIT);
    int from = nonNegative("page.from", page.path("from"), 0);
    if (page.hasNonNull("after")) {
      return new SearchPage(0, limit, Cursor.AFTER, decode("page.after", page.get("after")));
    }
    if (page.hasNonNull("before")) {
      return new SearchPage(0, limit, Cursor.BEFORE, decode("page.before", page.get("before")));
    }
    return new SearchPage(from, limit, Cursor.NONE, 0);
  }

  /** The index of the first item to answer, among {@code total} matches. */
  int from(int total) {
    return switch (cursor) {
      case NONE -> offset;
      case AFTER -> position + 1;
      case BEFORE -> Math.max(0, Math.min(position, total) - size);
    };
  }

  /** How many items to answer at most. */
  int limit() {
    return cursor == Cursor.BEFORE ? Math.min(size, position) : size;
  }

  SearchQueryPageResponse response(long total, int from, int count) {
    var response = new SearchQueryPageResponse().totalItems(total).hasMoreTotalItems(false);
    if (count > 0) {
      response.startCursor(encode(from)).endCursor(encode(from + count - 1));
    }
    return response;
  }

  private static int nonNegative(String name, JsonNode node, int absent) {
    if (node.isMissingNode() || node.isNull()) {
      return absent;
    }
    if (node.isInt() && node.intValue() >= 0) {
      return node.intValue();
    }
    throw new InvalidRequestException("Expected " + name + " to be a whole number of zero or more, but was " + node);
  }

  private static String encode(int position) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("position:" + position).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String name, JsonNode cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor.asText()), StandardCharsets.UTF_8);
      if (text.startsWith("position:")) {
        int position = Integer.parseInt(text.substring("position:".length()));
        if (position >= 0) {
          return position;
        }
      }
    } catch (IllegalArgumentException e) {
      // answered below (NumberFormatException is an IllegalArgumentException)
    }
    throw new InvalidRequestException("Expected " + name + " to be a cursor from an earlier page, but was " + cursor);
  }
}
