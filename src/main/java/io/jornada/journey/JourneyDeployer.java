package io.jornada.journey;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every journey ({@code bpmn/*.bpmn}) and decision ({@code dmn/*.dmn}) on the classpath in
 * one deployment once the application is ready. Not at context start: the embedded engine's REST
 * endpoint only listens once the web server is up, and the engine skips resources that did not
 * change, so deploying at every start is cheap.
 */
@Component
class JourneyDeployer {

  static final List<String> LOCATIONS = List.of("classpath*:bpmn/*.bpmn", "classpath*:dmn/*.dmn");

  private static final Logger LOG = LoggerFactory.getLogger(JourneyDeployer.class);

  private final CamundaClient client;
  private final ResourcePatternResolver resources;
  private final int maxAttempts;
  private final Duration firstBackoff;

  @Autowired
  JourneyDeployer(CamundaClient client) {
    this(client, new PathMatchingResourcePatternResolver(), 6, Duration.ofMillis(500));
  }

  JourneyDeployer(
      CamundaClient client, ResourcePatternResolver resources, int maxAttempts, Duration firstBackoff) {
    this.client = client;
    this.resources = resources;
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() throws InterruptedException {
    deploy();
  }

  /**
   * Deploys, retrying with doubling backoff while the gateway is not reachable; the last failure is
   * rethrown so that a journey-less application does not look healthy.
   */
  DeploymentEvent deploy() throws InterruptedException {
    List<Resource> found = find();
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        DeploymentEvent deployment = send(found);
        LOG.info(
            "Deployed journeys {} and decisions {} (deployment {})",
            deployment.getProcesses().stream()
                .map(p -> p.getBpmnProcessId() + " v" + p.getVersion())
                .toList(),
            deployment.getDecisions().stream()
                .map(d -> d.getDmnDecisionId() + " v" + d.getVersion())
                .toList(),
            deployment.getKey());
        return deployment;
      } catch (RuntimeException e) {
        if (attempt >= maxAttempts) {
          throw e;
        }
        LOG.warn(
            "Deployment attempt {}/{} failed ({}); retrying in {} ms",
            attempt,
            maxAttempts,
            e.getMessage(),
            backoff.toMillis());
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2);
      }
    }
  }

  /**
   * The names of the messages the deployed journeys use ({@code bpmn:message} elements), read from
   * the same files this deployer deploys: a message of any other name would only expire unread.
   */
  Set<String> messageNames() {
    Set<String> names = new TreeSet<>();
    for (Resource resource : find()) {
      String file = resource.getFilename();
      if (file == null || !file.endsWith(".bpmn")) {
        continue;
      }
      try (var in = resource.getInputStream()) {
        Bpmn.readModelFromStream(in).getModelElementsByType(Message.class).stream()
            .map(Message::getName)
            .filter(name -> name != null && !name.isBlank())
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
      }
    }
    return names;
  }

  List<Resource> find() {
    List<Resource> found = new ArrayList<>();
    for (String location : LOCATIONS) {
      try {
        found.addAll(List.of(resources.getResources(location)));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + location, e);
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("No journeys or decisions found in " + LOCATIONS);
    }
    return found;
  }

  private DeploymentEvent send(List<Resource> found) {
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 step = null;
    for (Resource resource : found) {
      byte[] bytes = read(resource);
      step = step == null
          ? command.addResourceBytes(bytes, resource.getFilename())
          : step.addResourceBytes(bytes, resource.getFilename());
    }
    // find() never returns an empty list, so step is set.
    return step.send().join();
  }

  private static byte[] read(Resource resource) {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
    }
  }
}
