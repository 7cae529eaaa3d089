package io.jornada.scoring;

import io.jornada.lead.Consent;
import io.jornada.lead.LeadEvent;
import io.jornada.lead.LeadProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.datafaker.Faker;

/**
 * Generates Brazilian B2B leads with an event history and a conversion drawn from {@link
 * GroundTruthModel}. The same seed and reference time always give the same population, including
 * identifiers, so replaying a demo feed is idempotent.
 *
 * <p>Names, cities and companies come from datafaker's pt-BR locale; phones are Brazilian mobile
 * numbers in E.164 ({@code +55} DDD 9XXXXXXXX); emails use the reserved {@code example.com}
 * domain so that a demo can never reach a real mailbox.
 */
public final class SyntheticPopulation {

  private static final int HISTORY_DAYS = 90;
  private static final String[] SOURCES = {"organic", "paid_search", "referral", "event", "social"};
  private static final double[] SOURCE_WEIGHTS = {0.30, 0.25, 0.10, 0.10, 0.25};
  private static final String[] STAGES = {"awareness", "consideration", "decision"};
  private static final double[] STAGE_WEIGHTS = {0.50, 0.30, 0.20};

  private final long seed;
  private final Instant now;

  /**
   * @param seed fixes every random choice
   * @param now the reference time: leads are created up to 90 days before it and no event is later
   */
  public SyntheticPopulation(long seed, Instant now) {
    this.seed = seed;
    this.now = now;
  }

  /** The first {@code size} leads of this seed's population. */
  public List<SyntheticLead> generate(int size) {
    Random random = new Random(seed);
    Faker faker = new Faker(new Locale("pt", "BR"), random);
    List<SyntheticLead> leads = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      leads.add(lead(i, random, faker));
    }
    return leads;
  }

  private SyntheticLead lead(int index, Random random, Faker faker) {
    String leadId = uuid("lead", index, 0);
    String stage = pick(STAGES, STAGE_WEIGHTS, random);
    Consent consent =
        new Consent(random.nextDouble() < 0.8, random.nextDouble() < 0.6, random.nextDouble() < 0.3);
    Instant createdAt = now.minus(randomDuration(Duration.ofDays(HISTORY_DAYS), random));
    List<LeadEvent> events = events(leadId, index, stage, consent, createdAt, random);

    Map<String, Integer> counts = new HashMap<>();
    events.forEach(event -> counts.merge(event.type(), 1, Integer::sum));
    Instant lastEngagedAt = events.isEmpty() ? null : events.get(events.size() - 1).occurredAt();

    String name = faker.name().fullName();
    LeadProfile profile =
        new LeadProfile(
            leadId,
            name,
            faker.internet().safeEmailAddress(emailLocalPart(name)),
            mobilePhone(faker),
            faker.address().city(),
            faker.company().name(),
            companySize(random),
            pick(SOURCES, SOURCE_WEIGHTS, random),
            stage,
            consent,
            preferredChannel(consent, random),
            counts,
            createdAt,
            lastEngagedAt);
    double probability = GroundTruthModel.probability(profile, now);
    return new SyntheticLead(profile, events, probability, random.nextDouble() < probability);
  }

  /**
   * Event counts follow a latent intent (log-normal) scaled by stage; some leads stay active until
   * now while others went quiet at a random point, which gives recency its signal.
   */
  private List<LeadEvent> events(
      String leadId, int index, String stage, Consent consent, Instant createdAt, Random random) {
    double intent = Math.exp(0.9 * random.nextGaussian());
    int stageIndex = List.of(STAGES).indexOf(stage);
    double stageScale = 0.7 + 0.3 * stageIndex;
    double pricingRate = new double[] {0.15, 0.6, 1.5}[stageIndex];
    Instant activeUntil =
        random.nextBoolean() ? now : createdAt.plus(randomDuration(Duration.between(createdAt, now), random));

    int opens = consent.email() ? poisson(3 * intent, random) : 0;
    double clickRate = Math.min(0.6, 0.15 * intent);
    int clicks = 0;
    for (int i = 0; i < opens; i++) {
      clicks += random.nextDouble() < clickRate ? 1 : 0;
    }
    Map<String, Integer> counts = new HashMap<>();
    counts.put("page_view", poisson(2.5 * intent * stageScale, random));
    counts.put("pricing_view", poisson(pricingRate * intent, random));
    counts.put("email_open", opens);
    counts.put("email_click", clicks);
    counts.put("form_submit", poisson(0.25 * intent * stageScale, random));
    counts.put("whatsapp_reply", consent.whatsapp() ? poisson(0.4 * intent, random) : 0);

    List<LeadEvent> events = new ArrayList<>();
    Duration window = Duration.between(createdAt, activeUntil);
    for (String type : LeadFeatures.EVENT_TYPES) {
      for (int i = 0; i < counts.get(type); i++) {
        Instant occurredAt = createdAt.plus(randomDuration(window, random));
        String eventId = uuid("event", index, events.size() + 1);
        events.add(new LeadEvent(eventId, leadId, type, occurredAt, channelOf(type), Map.of()));
      }
    }
    events.sort(Comparator.comparing(LeadEvent::occurredAt).thenComparing(LeadEvent::eventId));
    return events;
  }

  private static String channelOf(String eventType) {
    return switch (eventType) {
      case "email_open", "email_click" -> "email";
      case "whatsapp_reply" -> "whatsapp";
      default -> "web";
    };
  }

  private static String preferredChannel(Consent consent, Random random) {
    List<String> allowed = new ArrayList<>();
    for (String channel : List.of("email", "whatsapp", "sms")) {
      if (consent.allows(channel)) {
        allowed.add(channel);
      }
    }
    return allowed.isEmpty() ? "email" : allowed.get(random.nextInt(allowed.size()));
  }

  /** Log-uniform between 1 and 5,000 employees: many small firms, few large ones. */
  private static int companySize(Random random) {
    return (int) Math.round(Math.exp(random.nextDouble() * Math.log(5000)));
  }

  /** "Dra. Ana Luíza Cardoso Neto" becomes "ana.neto": ASCII, without titles. */
  private static String emailLocalPart(String fullName) {
    String ascii = Normalizer.normalize(fullName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    List<String> words =
        Arrays.stream(ascii.toLowerCase(Locale.ROOT).split("\\s+"))
            .filter(word -> !word.endsWith("."))
            .map(word -> word.replaceAll("[^a-z]", ""))
            .filter(word -> !word.isEmpty())
            .toList();
    return words.get(0) + "." + words.get(words.size() - 1);
  }

  /** datafaker's pt-BR cell phones are national and sometimes lack the ninth digit; normalise. */
  private static String mobilePhone(Faker faker) {
    String digits = faker.phoneNumber().cellPhone().replaceAll("\\D", "");
    String areaCode = digits.substring(0, 2);
    String subscriber = digits.substring(2);
    if (subscriber.length() == 8) {
      subscriber = "9" + subscriber;
    }
    return "+55" + areaCode + subscriber;
  }

  private String uuid(String kind, int leadIndex, int eventIndex) {
    String name = kind + ":" + seed + ":" + leadIndex + ":" + eventIndex;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static Duration randomDuration(Duration max, Random random) {
    return Duration.ofSeconds((long) (random.nextDouble() * max.toSeconds()));
  }

  private static String pick(String[] values, double[] weights, Random random) {
    double draw = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < values.length; i++) {
      cumulative += weights[i];
      if (draw < cumulative) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /** Knuth's method; rates here are small (capped at 30) so it stays fast and exact. */
  private static int poisson(double rate, Random random) {
    double limit = Math.exp(-Math.min(rate, 30));
    int count = 0;
    double product = random.nextDouble();
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }
}
