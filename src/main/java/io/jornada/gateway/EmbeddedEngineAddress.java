package io.jornada.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application's own Camunda client at the embedded engine: when the engine is embedded
 * and no {@code camunda.client.rest-address} is configured, the address is the application's own
 * port on loopback. A random port ({@code server.port=0}) is resolved here, before anything binds,
 * because the client needs the address when it is created.
 */
public class EmbeddedEngineAddress implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean embedded = environment.getProperty("jornada.engine.embedded", Boolean.class, true);
    if (!embedded || environment.containsProperty("camunda.client.rest-address")) {
      return;
    }
    int port = environment.getProperty("server.port", Integer.class, 8080);
    Map<String, Object> properties = new HashMap<>();
    if (port == 0) {
      port = freePort();
      properties.put("server.port", port);
    }
    properties.put("camunda.client.rest-address", "http://127.0.0.1:" + port);
    properties.put("camunda.client.prefer-rest-over-grpc", true);
    environment.getPropertySources().addFirst(new MapPropertySource("jornadaEmbeddedEngine", properties));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for the embedded engine", e);
    }
  }
}
