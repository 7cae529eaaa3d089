package io.jornada;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The journey application: workers, lead state, scoring and channels, with the embedded engine by default. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JornadaApplication {

  public static void main(String[] args) {
    SpringApplication.run(JornadaApplication.class, args);
  }
}
