package io.jornada.gateway;

import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.jornada.engine.Engine;
import io.jornada.engine.command.Commands.ActivateJobs;
import io.jornada.engine.command.Commands.CompleteJob;
import io.jornada.engine.command.Commands.FailJob;
import io.jornada.engine.command.Commands.ThrowJobError;
import io.jornada.engine.command.Commands.UpdateJob;
import io.jornada.engine.command.Results.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Job activation (long polling), completion, failure, BPMN errors, and updates of retries and timeout. */
@RestController
@ConditionalOnEmbeddedEngine
class JobController {

  private static final long DEFAULT_TIMEOUT_MILLIS = 300_000;
  private static final long DEFAULT_LONG_POLL_MILLIS = 10_000;
  private static final long SAFETY_MARGIN_MILLIS = 5_000;

  private final Engine engine;
  private final JobActivationRequests activations;

  JobController(Engine engine, JobActivationRequests activations) {
    this.engine = engine;
    this.activations = activations;
  }

  @PostMapping("/v2/jobs/activation")
  DeferredResult<ResponseEntity<Object>> activate(@RequestBody JobActivationRequest request) {
    if (request.getType() == null || request.getType().isBlank()) {
      throw new InvalidRequestException("Expected a job type to activate, but none was given");
    }
    if (request.getMaxJobsToActivate() == null || request.getMaxJobsToActivate() < 1) {
      throw new InvalidRequestException("Expected maxJobsToActivate to be at least 1, but was " + request.getMaxJobsToActivate());
    }
    long timeout = request.getTimeout() == null ? DEFAULT_TIMEOUT_MILLIS : request.getTimeout();
    long requestTimeout = request.getRequestTimeout() == null ? 0 : request.getRequestTimeout();
    boolean longPoll = requestTimeout >= 0;
    long pollMillis = requestTimeout == 0 ? DEFAULT_LONG_POLL_MILLIS : requestTimeout;
    var command = new ActivateJobs(request.getType(), request.getWorker() == null ? "" : request.getWorker(), timeout,
        request.getMaxJobsToActivate(), request.getFetchVariable());

    // The deferred result's own timeout is a safety net only: JobActivationRequests answers first.
    var response = new DeferredResult<ResponseEntity<Object>>(longPoll ? pollMillis + SAFETY_MARGIN_MILLIS : null);
    activations.activate(command, longPoll ? pollMillis : -1, result -> response.setResult(Responses.ok(result, JobController::toResponse)));
    return response;
  }

  @PostMapping("/v2/jobs/{jobKey}/completion")
  CompletableFuture<ResponseEntity<Object>> complete(@PathVariable String jobKey, @RequestBody(required = false) JobCompletionRequest request) {
    Map<String, Object> variables = request == null || request.getVariables() == null ? Map.of() : request.getVariables();
    return engine.send(new CompleteJob(Keys.parse("jobKey", jobKey), variables)).thenApply(Responses::noContent);
  }

  @PostMapping("/v2/jobs/{jobKey}/failure")
  CompletableFuture<ResponseEntity<Object>> fail(@PathVariable String jobKey, @RequestBody(required = false) JobFailRequest request) {
    var body = request == null ? new JobFailRequest() : request;
    var command = new FailJob(Keys.parse("jobKey", jobKey), body.getRetries() == null ? 0 : body.getRetries(), body.getErrorMessage(),
        body.getRetryBackOff() == null ? 0 : body.getRetryBackOff(), body.getVariables());
    return engine.send(command).thenApply(Responses::noContent);
  }

  @PostMapping("/v2/jobs/{jobKey}/error")
  CompletableFuture<ResponseEntity<Object>> error(@PathVariable String jobKey, @RequestBody JobErrorRequest request) {
    if (request.getErrorCode() == null || request.getErrorCode().isBlank()) {
      throw new InvalidRequestException("Expected an errorCode, but none was given");
    }
    var command = new ThrowJobError(Keys.parse("jobKey", jobKey), request.getErrorCode(), request.getErrorMessage(), request.getVariables());
    return engine.send(command).thenApply(Responses::noContent);
  }

  @PatchMapping("/v2/jobs/{jobKey}")
  CompletableFuture<ResponseEntity<Object>> update(@PathVariable String jobKey, @RequestBody JobUpdateRequest request) {
    var changeset = request.getChangeset();
    if (changeset == null || (changeset.getRetries() == null && changeset.getTimeout() == null)) {
      throw new InvalidRequestException("Expected a changeset with retries or timeout, but none was given");
    }
    return engine.send(new UpdateJob(Keys.parse("jobKey", jobKey), changeset.getRetries(), changeset.getTimeout())).thenApply(Responses::noContent);
  }

  private static JobActivationResult toResponse(List<ActivatedJob> jobs) {
    return new JobActivationResult().jobs(jobs.stream().map(JobController::toResult).toList());
  }

  private static ActivatedJobResult toResult(ActivatedJob job) {
    return new ActivatedJobResult()
        .jobKey(Keys.format(job.jobKey()))
        .type(job.type())
        .processInstanceKey(Keys.format(job.processInstanceKey()))
        .processDefinitionId(job.bpmnProcessId())
        .processDefinitionVersion(job.processDefinitionVersion())
        .processDefinitionKey(Keys.format(job.processDefinitionKey()))
        .elementId(job.elementId())
        .elementInstanceKey(Keys.format(job.elementInstanceKey()))
        .customHeaders(new HashMap<>(job.customHeaders()))
        .worker(job.worker())
        .retries(job.retries())
        .deadline(job.deadline())
        .variables(job.variables())
        .tenantId(DeploymentController.TENANT)
        .kind(JobKindEnum.BPMN_ELEMENT)
        .listenerEventType(JobListenerEventTypeEnum.UNSPECIFIED);
  }
}
