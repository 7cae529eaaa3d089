package io.jornada.lead;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Jornada's Redis is.
 *
 * @param url {@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for TLS
 */
@ConfigurationProperties("jornada.redis")
public record JornadaRedisProperties(@DefaultValue("redis://127.0.0.1:6379") URI url) {}
