package io.jornada.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/** Every job type used in a journey has exactly one worker and one Modeler template, and vice versa. */
class WorkerCatalogTest {

  @Test
  void shouldHaveAWorkerAndATemplateForEveryJobTypeInTheJourneys() throws Exception {
    // given
    Set<String> inJourneys = jobTypesInJourneys();
    Set<String> withWorkers = jobTypesWithWorkers();
    Set<String> withTemplates = jobTypesWithTemplates();

    // then
    assertThat(inJourneys).isNotEmpty();
    assertThat(withWorkers).isEqualTo(inJourneys);
    assertThat(withTemplates).isEqualTo(inJourneys);
  }

  @Test
  void shouldDeclareEachJobTypeInOnlyOneWorker() throws Exception {
    // when
    List<String> types = jobWorkerAnnotations().map(JobWorker::type).toList();

    // then
    assertThat(types).doesNotHaveDuplicates();
  }

  private static Set<String> jobTypesInJourneys() throws IOException {
    Set<String> types = new TreeSet<>();
    for (Path file : files("bpmn", ".bpmn")) {
      Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class).stream()
          .map(task -> task.getSingleExtensionElement(ZeebeTaskDefinition.class))
          .forEach(definition -> types.add(definition.getType()));
    }
    return types;
  }

  private static Set<String> jobTypesWithWorkers() throws Exception {
    return new TreeSet<>(jobWorkerAnnotations().map(JobWorker::type).toList());
  }

  private static Stream<JobWorker> jobWorkerAnnotations() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    List<Class<?>> classes = new java.util.ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.jornada.workers")) {
      classes.add(Class.forName(candidate.getBeanClassName()));
    }
    return classes.stream()
        .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .map(method -> method.getAnnotation(JobWorker.class))
        .filter(java.util.Objects::nonNull);
  }

  private static Set<String> jobTypesWithTemplates() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> types = new TreeSet<>();
    for (Path file : files("workers", ".json")) {
      for (JsonNode property : json.readTree(file.toFile()).path("properties")) {
        JsonNode binding = property.path("binding");
        if ("zeebe:taskDefinition".equals(binding.path("type").asText())
            && "type".equals(binding.path("property").asText())) {
          types.add(property.path("value").asText());
        }
      }
    }
    return types;
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
