package io.jornada.lead;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

/** The one Redis client of the application, shared by lead state, sales queue and channels. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JornadaRedisProperties.class)
public class RedisConfiguration {

  @Bean(destroyMethod = "close")
  RedisClient redisClient(JornadaRedisProperties properties) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    // Check pooled connections before use: after a Redis restart the stale sockets are replaced
    // instead of failing one request each.
    pool.setTestOnBorrow(true);
    return RedisClient.builder().fromURI(properties.url()).poolConfig(pool).build();
  }
}
