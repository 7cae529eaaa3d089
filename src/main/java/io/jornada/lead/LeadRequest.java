package io.jornada.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The JSON body of {@code POST /api/leads}. Consent absent means no consent (LGPD: opt-in). */
record LeadRequest(
    String leadId,
    String name,
    String email,
    String phone,
    String city,
    String company,
    Integer companySize,
    String source,
    String funnelStage,
    ConsentRequest consent,
    String preferredChannel) {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{6,19}");
  private static final Set<String> CHANNELS = Set.of("email", "whatsapp", "sms");

  record ConsentRequest(Boolean email, Boolean whatsapp, Boolean sms) {

    Consent toConsent() {
      return new Consent(
          Boolean.TRUE.equals(email), Boolean.TRUE.equals(whatsapp), Boolean.TRUE.equals(sms));
    }
  }

  /** Validates and converts; a missing leadId gets a new UUID. */
  LeadProfile toProfile() {
    List<String> errors = new ArrayList<>();
    if (leadId != null && !ID.matcher(leadId).matches()) {
      errors.add("leadId must be 1-128 letters, digits, '.', '_', ':' or '-'");
    }
    if (isBlank(name)) {
      errors.add("name is required");
    }
    if (isBlank(email) && isBlank(phone)) {
      errors.add("email or phone is required");
    }
    if (!isBlank(email) && !EMAIL.matcher(email.strip()).matches()) {
      errors.add("email is not a valid e-mail address");
    }
    if (!isBlank(phone) && !PHONE.matcher(phone.strip()).matches()) {
      errors.add("phone must be 7-20 digits, optionally with a leading '+'");
    }
    if (companySize != null && companySize < 0) {
      errors.add("companySize must not be negative");
    }
    if (preferredChannel != null && !CHANNELS.contains(preferredChannel)) {
      errors.add("preferredChannel must be one of email, whatsapp, sms");
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new LeadProfile(
        leadId != null ? leadId : UUID.randomUUID().toString(),
        name.strip(),
        strip(email),
        strip(phone),
        strip(city),
        strip(company),
        companySize == null ? 0 : companySize,
        strip(source),
        strip(funnelStage),
        consent == null ? Consent.none() : consent.toConsent(),
        preferredChannel,
        Map.of(),
        null,
        null);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String strip(String value) {
    return isBlank(value) ? null : value.strip();
  }
}
