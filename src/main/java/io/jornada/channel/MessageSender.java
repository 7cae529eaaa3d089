package io.jornada.channel;

/**
 * Sends one message to a lead on one channel, whatever the journey says: the lead's consent for the
 * channel is checked here, and a request whose idempotency key was already sent is not sent again.
 */
public interface MessageSender {

  SendOutcome send(SendRequest request);
}
