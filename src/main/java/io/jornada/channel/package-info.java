/**
 * Channels: one {@link io.jornada.channel.ChannelAdapter} per channel behind the {@link
 * io.jornada.channel.MessageSender}, which checks consent and makes sending idempotent.
 *
 * <h2>Redis keys</h2>
 *
 * <ul>
 *   <li>{@code jornada:send:<idempotencyKey>} (string, {@code SET NX EX} 30 days): the messageId of
 *       the send that claimed the key; a second request with the key gets {@code DUPLICATE} and that
 *       messageId. Released when delivery fails.
 *   <li>{@code jornada:outbox} (stream, {@code MAXLEN ~ 10000}): messages of channels without a
 *       transport, fields {@code messageId leadId channel template subject body sentAt}; the
 *       recipient's address is deliberately not stored.
 *   <li>{@code jornada:outbox:count} (hash): messages recorded per channel.
 * </ul>
 *
 * <p>Content comes from {@code templates/messages.yaml} (pt-BR), owned by marketers.
 */
package io.jornada.channel;
