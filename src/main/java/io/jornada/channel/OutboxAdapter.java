package io.jornada.channel;

/** A channel with no real transport (in the demo): its messages are recorded in the {@link Outbox}. */
class OutboxAdapter implements ChannelAdapter {

  private final String channel;
  private final Outbox outbox;

  OutboxAdapter(String channel, Outbox outbox) {
    this.channel = channel;
    this.outbox = outbox;
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public void deliver(Delivery delivery) {
    outbox.append(delivery);
  }
}
