/**
 * Leads: ingestion API, live lead state in Redis, the sales queue, the {@link
 * io.jornada.lead.JourneySignals} port through which journeys hear about new leads and engagement,
 * and the {@link io.jornada.lead.LeadEventListener} port through which other features (scoring)
 * hear about every new event. This package depends on neither.
 *
 * <h2>Redis keys</h2>
 *
 * <ul>
 *   <li>{@code jornada:lead:<leadId>} (hash): attributes {@code name email phone city company
 *       companySize source funnelStage preferredChannel}, consent {@code consent:email
 *       consent:whatsapp consent:sms} ({@code 1}/{@code 0}), {@code createdAt} and {@code
 *       lastEngagedAt} (epoch millis), one counter {@code count:<eventType>} per event type.
 *   <li>{@code jornada:lead:<leadId>:events} (stream, {@code MAXLEN ~ 1000}): the timeline, one
 *       entry per recorded event with {@code eventId type occurredAt channel properties} (JSON).
 *   <li>{@code jornada:event:<eventId>} (string, {@code SET NX EX} 7 days): marks an event as seen
 *       so a redelivery is not counted twice.
 *   <li>{@code jornada:sales:queue} (sorted set, leadId by score) and {@code
 *       jornada:sales:reasons} (hash, leadId → JSON array of reasons).
 *   <li>{@code jornada:lead:<leadId>:score} (hash) is written by the scoring package.
 * </ul>
 *
 * <p>Each write is one Lua script, so it is atomic: recording an event checks the lead exists,
 * claims the eventId, increments the counter, moves {@code lastEngagedAt} forward (engagement types
 * only, never backward for late events) and appends to the timeline, or does nothing. The scripts
 * touch keys of several leads' slots, so this layout targets a standalone Redis (or a primary with
 * replicas), not Redis Cluster.
 */
package io.jornada.lead;
