package io.jornada.gateway;

import java.time.Instant;

/** Date-times as the API writes them: ISO-8601 in UTC; null stays null (not known, or not ended yet). */
final class DateTimes {

  private DateTimes() {}

  static String format(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
