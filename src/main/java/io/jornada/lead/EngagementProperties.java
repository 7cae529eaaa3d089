package io.jornada.lead;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How engagement is folded into lead state.
 *
 * @param halfLives one exponentially decayed counter per name and half-life, for every event type
 *     and channel (for example {@code week: 7d}: a click counts 1 now, 0.5 after a week)
 * @param timeZone the zone of the hour-of-day × weekday histogram (send-time optimization); leads
 *     carry no zone of their own yet, so this is every lead's zone
 */
@ConfigurationProperties("jornada.lead.engagement")
public record EngagementProperties(
    Map<String, Duration> halfLives, @DefaultValue("America/Sao_Paulo") ZoneId timeZone) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,16}");

  public EngagementProperties {
    halfLives = halfLives == null || halfLives.isEmpty() ? defaultHalfLives() : Map.copyOf(halfLives);
    halfLives.forEach(
        (name, halfLife) -> {
          if (!NAME.matcher(name).matches() || halfLife.toMillis() < 1) {
            throw new IllegalArgumentException(
                "jornada.lead.engagement.half-lives: '" + name + "' needs a lower-case name and a positive duration");
          }
        });
  }

  /** The defaults, for code that runs without Spring. */
  public static EngagementProperties defaults() {
    return new EngagementProperties(null, ZoneId.of("America/Sao_Paulo"));
  }

  private static Map<String, Duration> defaultHalfLives() {
    Map<String, Duration> defaults = new LinkedHashMap<>();
    defaults.put("day", Duration.ofDays(1));
    defaults.put("week", Duration.ofDays(7));
    defaults.put("month", Duration.ofDays(30));
    return defaults;
  }
}
