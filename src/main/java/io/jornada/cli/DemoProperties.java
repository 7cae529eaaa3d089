package io.jornada.cli;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo, under {@code jornada.demo}.
 *
 * @param enabled run the demo once the application is ready
 * @param leads how many synthetic leads to create
 * @param seed seed of the synthetic population (the same seed gives the same leads and ids)
 * @param engageShare share of the leads (those with the highest true conversion probability) that
 *     engage after their first message
 * @param timeout how long to wait for the journeys to finish
 * @param keepRunning stay up after the summary instead of exiting
 */
@ConfigurationProperties("jornada.demo")
public record DemoProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("300") int leads,
    @DefaultValue("7") long seed,
    @DefaultValue("0.5") double engageShare,
    @DefaultValue("PT4M") Duration timeout,
    @DefaultValue("false") boolean keepRunning) {}
