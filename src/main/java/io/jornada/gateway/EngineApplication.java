package io.jornada.gateway;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The embedded engine on its own ({@code ./jornada engine --port N}): the Camunda 8 REST API on
 * loopback, with its journal, and nothing of the journey application — no Redis, no workers, no
 * Camunda client. Any Camunda 8 project can point its unmodified client at it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = EngineApplication.class)
public class EngineApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(EngineApplication.class);
    application.setDefaultProperties(Map.of(
        "spring.application.name", "jornada-engine",
        "camunda.client.enabled", "false",
        "jornada.engine.embedded", "true",
        "camunda.client.rest-address", "http://127.0.0.1:0"));
    application.run(args);
  }
}
