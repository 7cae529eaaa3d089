/**
 * Leads: ingestion (HTTP batch and the Redis ingest stream), live lead state in Redis, dynamic
 * segments, the sales queue, and the {@link io.jornada.lead.JourneySignals} port through which
 * journeys hear about new leads, events and segment changes, and the {@link
 * io.jornada.lead.LeadEventListener} port through which other features (scoring) hear about new
 * events. This package depends on neither.
 *
 * <p>Every event, whichever way it arrives, takes one path ({@code EventIngestor}): validate
 * against {@code docs/lead-event.schema.json}, fold into state (one Lua script per event, one
 * pipeline per batch) together with the event's journey message, appended to the journey outbox in
 * the same script, re-evaluate the segments of the leads that changed ({@code
 * dmn/segment-*.dmn}, through {@link io.jornada.lead.Segmentation}, which scoring also calls
 * after a re-score; their messages appended with the membership change), and only then
 * acknowledge (HTTP 202, {@code XACK}). {@code OutboxPublisher} publishes the outbox to the
 * journeys asynchronously, at least once, coalescing a lead's engagements within a batch. Only
 * messages a deployed journey catches ({@link io.jornada.lead.JourneySignals#catches}) are
 * appended at all.
 *
 * <h2>Redis keys</h2>
 *
 * <p>Per lead, without TTL (they live as long as the lead):
 *
 * <ul>
 *   <li>{@code jornada:lead:<leadId>} (hash): attributes {@code name email phone city company
 *       companySize source funnelStage preferredChannel}, consent {@code consent:email
 *       consent:whatsapp consent:sms} ({@code 1}/{@code 0}), {@code createdAt} and {@code
 *       lastEngagedAt} (epoch millis), one counter {@code count:<eventType>} per event type.
 *       {@link io.jornada.lead.LeadProfile} is read from here, and so are the scoring features.
 *   <li>{@code jornada:lead:<leadId>:engagement} (hash), what the event stream taught: the
 *       exponentially decayed counters {@code <halfLifeName>:type:<eventType>} and {@code
 *       <halfLifeName>:channel:<channel>}, all in the one field {@code decayed} (a MessagePack map
 *       of counter name to sum), in forward decay: each event at {@code t} added {@code
 *       2^((t - landmark) / halfLife)}, and the value now is the sum times {@code 2^(-(now -
 *       landmark) / halfLife)}, with {@code landmark} (millis) a field of the same hash, moved
 *       forward (and the sums rescaled) every 256 shortest half-lives; last-seen {@code
 *       seen:<channel>} → latest event
 *       time (epoch millis); the send-time histogram {@code hour:<channel>:<weekday 1-7>:<hour
 *       0-23>} → events, in {@code jornada.lead.engagement.time-zone}. One hash, so recording an
 *       event reads and writes it once.
 *   <li>{@code jornada:lead:<leadId>:events} (stream, {@code MAXLEN ~ 1000}): the timeline, one
 *       entry per recorded event with {@code eventId type occurredAt channel properties} (JSON).
 *   <li>{@code jornada:lead:<leadId>:segments} (set): the segments the lead is in.
 *   <li>{@code jornada:lead:<leadId>:score} (hash, written by scoring): its {@code band} is a
 *       segment input.
 * </ul>
 *
 * <p>Shared:
 *
 * <ul>
 *   <li>{@code jornada:event:<eventId>} (string, {@code SET NX EX}, 7 days): marks an event as
 *       seen so a redelivery is not counted twice.
 *   <li>{@code jornada:segment:<segment>} (set of leadIds) and {@code jornada:segments} (set of
 *       segment ids that ever had a member).
 *   <li>{@code jornada:ingest} (stream, consumer group {@code jornada}; producers trim it) and
 *       {@code jornada:ingest:rejected} (stream, {@code MAXLEN ~ 100000}): entries that could
 *       never be processed, with the reason.
 *   <li>{@code jornada:journey:outbox} (stream, consumer group {@code jornada}): journey messages
 *       not yet published (also scoring's threshold crossings, appended by its own score script
 *       through {@link io.jornada.lead.JourneyOutbox}), fields {@code name key id ttl variables
 *       merge}; an entry is deleted
 *       once the engine accepted its message, so the stream's length is the publication lag.
 *   <li>{@code jornada:sales:queue} (sorted set, leadId by score) and {@code
 *       jornada:sales:reasons} (hash, leadId → JSON array of reasons).
 * </ul>
 *
 * <p>Each write is one Lua script, so it is atomic: recording the events of one lead from one
 * batch checks the lead exists, claims each eventId, increments the counters, updates the decayed
 * counters, last-seen and histogram, moves {@code lastEngagedAt} forward (engagement types only,
 * never backward for late events) and appends to the timeline, or does nothing; a batch is one
 * pipeline of such scripts, one per lead. The scripts touch keys of several leads'
 * slots, so this layout targets a standalone Redis (or a primary with replicas), not Redis
 * Cluster.
 */
package io.jornada.lead;
