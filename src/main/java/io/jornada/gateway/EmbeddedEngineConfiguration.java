package io.jornada.gateway;

import io.jornada.engine.Engine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the embedded engine inside the application; its REST API is served on the application's port. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedEngine
class EmbeddedEngineConfiguration {

  @Bean(destroyMethod = "close")
  Engine engine() {
    return Engine.inMemory();
  }

  @Bean(destroyMethod = "close")
  JobActivationRequests jobActivationRequests(Engine engine) {
    return new JobActivationRequests(engine);
  }
}
