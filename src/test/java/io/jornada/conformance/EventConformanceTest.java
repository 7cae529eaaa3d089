package io.jornada.conformance;

import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Helpers of the event scope tests (boundary events, event subprocesses, errors, terminate end): several jobs, incidents, short pauses. */
abstract class EventConformanceTest extends ConformanceTest {

  /** Activates jobs of this type as they come until {@code count} were activated. */
  protected List<ActivatedJob> collectJobs(String jobType, int count) {
    List<ActivatedJob> jobs = new ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      jobs.addAll(activateAll(jobType, count));
      return jobs.size() >= count;
    });
    return jobs;
  }

  /** Waits until the process instance has an incident. */
  protected void awaitIncident(long processInstanceKey) {
    await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(
        client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join()
            .items().get(0).getHasIncident()));
  }

  /** Lets time pass, to show that something does not happen. */
  protected static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
