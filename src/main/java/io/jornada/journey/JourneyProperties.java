package io.jornada.journey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Journey settings, given to every new journey as start variables.
 *
 * @param engagementWait how long a journey waits for an engagement after a send
 * @param maxAttempts how many messages a journey sends at most
 * @param handOffThreshold the score from which an engaged lead goes to sales
 */
@ConfigurationProperties("jornada.journey")
record JourneyProperties(
    @DefaultValue("PT72H") Duration engagementWait,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("0.6") double handOffThreshold) {}
