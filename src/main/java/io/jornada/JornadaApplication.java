package io.jornada;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The journey application: workers, lead state, scoring and channels, with the embedded engine by default. */
// Other @SpringBootConfiguration classes (the standalone engine, test applications) start their
// own contexts; scanning them in here would nest one application inside another.
@SpringBootApplication
@ComponentScan(excludeFilters = {
    @Filter(type = FilterType.CUSTOM, classes = {TypeExcludeFilter.class, AutoConfigurationExcludeFilter.class}),
    @Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
@ConfigurationPropertiesScan
public class JornadaApplication {

  public static void main(String[] args) {
    SpringApplication.run(JornadaApplication.class, args);
  }
}
