package io.jornada.lead;

/** An operation named a lead that Jornada does not know. */
public class UnknownLeadException extends RuntimeException {

  private final String leadId;

  public UnknownLeadException(String leadId) {
    super("unknown lead " + leadId);
    this.leadId = leadId;
  }

  public String leadId() {
    return leadId;
  }
}
