package io.jornada.lead;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Every {@link JourneySignals} of the application, as one: a message is caught when any of them
 * catches it, and published to each that does. Looked up once, when first used, so that the lead
 * package does not depend on the journey beans being created first. Public so that features that
 * append to the {@link JourneyOutbox} themselves (scoring) append only what a journey catches.
 */
public final class JourneyPorts {

  private final ObjectProvider<JourneySignals> provider;
  private volatile List<JourneySignals> ports;

  public JourneyPorts(ObjectProvider<JourneySignals> provider) {
    this.provider = provider;
  }

  /** No journey port: this application runs no journeys. */
  boolean isEmpty() {
    return ports().isEmpty();
  }

  /** Whether a deployed journey catches messages of this name (none without journey ports). */
  public boolean catches(String messageName) {
    for (JourneySignals port : ports()) {
      if (port.catches(messageName)) {
        return true;
      }
    }
    return false;
  }

  /** Completes when every port that catches the message accepted it. */
  CompletableFuture<Void> publish(JourneyMessage message) {
    return CompletableFuture.allOf(
        ports().stream()
            .filter(port -> port.catches(message.name()))
            .map(port -> port.publish(message))
            .toArray(CompletableFuture[]::new));
  }

  private List<JourneySignals> ports() {
    List<JourneySignals> known = ports;
    if (known == null) {
      known = provider.orderedStream().toList();
      ports = known;
    }
    return known;
  }
}
