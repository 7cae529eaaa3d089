package io.jornada.lead;

/** Per-channel opt-ins (LGPD: consent is explicit and per purpose and channel). */
public record Consent(boolean email, boolean whatsapp, boolean sms) {

  public static Consent none() {
    return new Consent(false, false, false);
  }

  /** Whether the lead agreed to be contacted on this channel; unknown channels are never allowed. */
  public boolean allows(String channel) {
    return switch (channel) {
      case "email" -> email;
      case "whatsapp" -> whatsapp;
      case "sms" -> sms;
      default -> false;
    };
  }
}
