package io.jornada.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Only the gateway package (the embedded engine and its REST API) on a real web server: no Redis,
 * scoring or journey workers start.
 */
@SpringBootApplication(scanBasePackageClasses = EmbeddedEngineConfiguration.class)
public class GatewayTestApplication {}
