package io.jornada.lead;

import java.util.random.RandomGenerator;

/**
 * The event mix of the ingest benchmarks ({@code bench ingest}, {@code bench record}): half page
 * views, then e-mail opens and one each of the other engagements, each on its type's channel.
 */
public final class BenchEventMix {

  private static final String[] TYPES = {
    "page_view", "page_view", "page_view", "page_view", "page_view", "page_view", "page_view",
    "email_open", "email_open", "email_click", "form_submit", "whatsapp_inbound", "purchase", "push_open"
  };

  private BenchEventMix() {}

  /** A type drawn from the mix. */
  public static String type(RandomGenerator random) {
    return TYPES[random.nextInt(TYPES.length)];
  }

  /** The channel an event of the type comes through. */
  public static String channelOf(String type) {
    return type.startsWith("email") ? "email" : type.startsWith("whatsapp") ? "whatsapp" : "web";
  }
}
