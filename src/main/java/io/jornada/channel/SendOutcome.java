package io.jornada.channel;

/**
 * What happened to a send request.
 *
 * @param messageId the id of the message; for a duplicate, the id of the first send
 */
public record SendOutcome(String messageId, String channel, Status status) {

  public enum Status {
    /** Handed to the channel now. */
    SENT,
    /** Already sent under the same idempotency key; nothing sent again. */
    DUPLICATE,
    /** The lead has not consented to this channel; nothing sent. */
    BLOCKED_BY_CONSENT
  }
}
