package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jobs: docs.camunda.io/docs/components/concepts/job-workers/ (8.8, "Completing or failing jobs",
 * "Timeouts") and the job endpoints of docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/
 * (update job). Time moves through the clock endpoints, not by sleeping.
 */
class JobConformanceTest extends ConformanceTest {

  /** "Failing a job ... with the number of remaining retries": with retries left, the job can be activated again, with the retries the worker gave. */
  @Test
  void aFailedJobWithRetriesLeftComesBack() {
    String type = deployTask("job-retry");
    ActivatedJob job = activate(type);
    assertThat(job.getRetries()).isEqualTo(3);

    client.newFailCommand(job).retries(job.getRetries() - 1).errorMessage("try again").send().join();

    assertThat(activate(type).getRetries()).isEqualTo(2);
  }

  /** "retryBackOff": the failed job is activatable again only once the back-off has passed. */
  @Test
  void aFailedJobWaitsForItsRetryBackOff() {
    String type = deployTask("job-backoff");
    ActivatedJob job = activate(type);

    client.newFailCommand(job).retries(2).retryBackoff(Duration.ofMinutes(10)).send().join();

    assertThat(activateAll(type, 1)).isEmpty();
    increaseTime(Duration.ofMinutes(9));
    assertThat(activateAll(type, 1)).isEmpty();
    increaseTime(Duration.ofMinutes(1));
    assertThat(activate(type).getKey()).isEqualTo(job.getKey());
  }

  /** "Timeouts": a job not completed within its activation timeout becomes activatable again, its retries unchanged. */
  @Test
  void aJobWhoseTimeoutRunsOutCanBeActivatedAgain() {
    String type = deployTask("job-timeout");
    ActivatedJob first = activate(type, Duration.ofMinutes(5));
    assertThat(activateAll(type, 1)).isEmpty();

    increaseTime(Duration.ofMinutes(5));

    ActivatedJob second = activate(type);
    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getRetries()).isEqualTo(first.getRetries());
  }

  /** After a timeout, once the second worker completed the job, completing the first activation answers NOT_FOUND. */
  @Test
  void completingATimedOutActivationAfterAnotherWorkerCompletedItIsNotFound() {
    String type = deployTask("job-late");
    ActivatedJob first = activate(type, Duration.ofMinutes(1));
    increaseTime(Duration.ofMinutes(1));
    complete(activate(type), Map.of());

    var failure = catchThrowableOfType(ProblemException.class, () -> complete(first, Map.of()));

    assertThat(failure.code()).isEqualTo(404);
  }

  /** Update job: "retries" sets the job's retries; the next activation carries them. */
  @Test
  void updatingRetriesChangesTheJobsRetries() {
    String type = deployTask("job-update-retries");
    ActivatedJob job = activate(type);
    client.newFailCommand(job).retries(1).send().join();

    client.newUpdateJobCommand(job.getKey()).updateRetries(5).send().join();

    assertThat(activate(type).getRetries()).isEqualTo(5);
  }

  /** Update job: "timeout" sets a new activation timeout, counted from now; a longer one keeps the job with its worker. */
  @Test
  void updatingTheTimeoutMovesTheDeadline() {
    String type = deployTask("job-update-timeout");
    ActivatedJob job = activate(type, Duration.ofMinutes(1));

    client.newUpdateJobCommand(job.getKey()).updateTimeout(Duration.ofHours(1)).send().join();

    increaseTime(Duration.ofMinutes(30));
    assertThat(activateAll(type, 1)).isEmpty();
    increaseTime(Duration.ofMinutes(31));
    assertThat(activate(type).getKey()).isEqualTo(job.getKey());
  }

  /** Update job: the timeout of a job that is not activated cannot be changed (409). */
  @Test
  void theTimeoutOfAJobThatIsNotActivatedCannotBeUpdated() {
    String type = deployTask("job-update-idle");
    ActivatedJob job = activate(type);
    client.newFailCommand(job).retries(1).send().join();

    var failure = catchThrowableOfType(ProblemException.class,
        () -> client.newUpdateJobCommand(job.getKey()).updateTimeout(Duration.ofMinutes(5)).send().join());

    assertThat(failure.code()).isEqualTo(409);
  }

  /** Update job: retries must be positive (400). */
  @Test
  void retriesBelowOneAreRejected() {
    String type = deployTask("job-update-zero");
    ActivatedJob job = activate(type);

    var failure = catchThrowableOfType(ProblemException.class,
        () -> client.newUpdateJobCommand(job.getKey()).updateRetries(0).send().join());

    assertThat(failure.code()).isEqualTo(400);
  }

  /** Update job: a negative timeout is a bad request (400), and the job keeps its deadline. */
  @Test
  void aNegativeTimeoutIsRejected() {
    String type = deployTask("job-update-negative");
    ActivatedJob job = activate(type);

    var failure = catchThrowableOfType(ProblemException.class,
        () -> client.newUpdateJobCommand(job.getKey()).updateTimeout(-1000L).send().join());

    assertThat(failure.code()).isEqualTo(400);
    assertThat(failure.details().getDetail()).contains("-1000");
    complete(job, Map.of());
  }

  /** Update job: "The job with the given key was not found" is a 404. */
  @Test
  void updatingAnUnknownJobIsNotFound() {
    var failure = catchThrowableOfType(ProblemException.class,
        () -> client.newUpdateJobCommand(987_654_321L).updateRetries(3).send().join());

    assertThat(failure.code()).isEqualTo(404);
  }

  /** Incidents: "A job is failed and it has no retries left" raises an incident of type JOB_NO_RETRIES, naming the job and the worker's message. */
  @Test
  void aJobFailedWithoutRetriesRaisesAnIncident() {
    String type = deployTask("job-no-retries");
    ActivatedJob job = activate(type);

    client.newFailCommand(job).retries(0).errorMessage("mail server down").send().join();

    var incidents = await().atMost(Duration.ofSeconds(10)).until(() -> client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(job.getProcessInstanceKey())).send().join().items(), list -> !list.isEmpty());
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
      assertThat(incident.getJobKey()).isEqualTo(job.getKey());
      assertThat(incident.getErrorMessage()).isEqualTo("mail server down");
    });
    assertThat(activateAll(type, 1)).isEmpty();
  }

  /** Starts an instance of a new one-task process; answers the task's job type. */
  private String deployTask(String prefix) {
    String processId = unique(prefix);
    String type = processId + "-work";
    deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("task", t -> t.zeebeJobType(type)).endEvent().done());
    start(processId, Map.of());
    return type;
  }

  private ActivatedJob activate(String type, Duration timeout) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).timeout(timeout)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }
}
