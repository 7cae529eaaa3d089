package io.jornada.engine.state;

import io.jornada.engine.event.CallActivityEvents.ProcessInstanceCalled;
import io.jornada.engine.event.ClockEvents.ClockPinned;
import io.jornada.engine.event.DeploymentEvents.ProcessDeployed;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.ElementEvents.ElementCompleted;
import io.jornada.engine.event.ElementEvents.ElementTerminated;
import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.event.ElementEvents.SequenceFlowTaken;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.event.GatewayEvents.SequenceFlowWaiting;
import io.jornada.engine.event.IncidentEvents.IncidentCreated;
import io.jornada.engine.event.JobEvents.JobActivated;
import io.jornada.engine.event.JobEvents.JobCreated;
import io.jornada.engine.event.JobEvents.JobErrorThrown;
import io.jornada.engine.event.JobEvents.JobFailed;
import io.jornada.engine.event.JobEvents.JobRetriesUpdated;
import io.jornada.engine.event.MessageEvents.InstanceStartedByMessage;
import io.jornada.engine.event.MultiInstanceEvents.MultiInstanceProgressed;
import io.jornada.engine.event.MessageEvents.MessagePublished;
import io.jornada.engine.event.MessageEvents.SubscriptionOpened;
import io.jornada.engine.event.SignalEvents.SignalSubscriptionOpened;
import io.jornada.engine.event.SnapshotEvents.KeysIssued;
import io.jornada.engine.event.SnapshotEvents.MessageSpent;
import io.jornada.engine.event.TimerEvents.StartTimerCreated;
import io.jornada.engine.event.TimerEvents.TimerCreated;
import io.jornada.engine.model.ElementType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Writes the current state as the shortest list of events whose replay rebuilds it: deployments,
 * instances (ended ones as activate + end, for the history), live elements, variables, jobs,
 * timers, messages, subscriptions and incidents, then the key counter. Replaying these through
 * {@link EventAppliers} gives back an equal state, so a snapshot needs no format of its own.
 */
public final class StateSnapshot {

  private final EngineState state;
  private final int chunkSize;

  public StateSnapshot(EngineState state, int chunkSize) {
    this.state = state;
    this.chunkSize = chunkSize;
  }

  /** Hands the events to {@code sink} in chunks of at most {@code chunkSize}. */
  public void writeTo(Consumer<List<EngineEvent>> sink) {
    var out = new Chunker(sink);
    state.processes.values().stream().sorted(Comparator.comparingLong(DeployedProcess::key)).forEach(p ->
        out.add(new ProcessDeployed(p.key(), p.bpmnProcessId(), p.version(), p.resourceName(), p.deploymentKey(), p.xml())));
    state.drgs.values().stream().sorted(Comparator.comparingLong(d -> d.decisionRequirementsKey())).forEach(out::add);
    for (ProcessInstanceSummary instance : state.instances.values()) {
      out.add(new ElementActivated(instance.key(), instance.key(), -1, instance.processDefinitionKey(), instance.bpmnProcessId(),
          ElementType.PROCESS, false, instance.startDate()));
      switch (instance.state()) {
        case COMPLETED -> out.add(new ElementCompleted(instance.key(), instance.endDate()));
        case TERMINATED -> out.add(new ElementTerminated(instance.key(), instance.endDate()));
        case ACTIVE -> variablesOf(instance.key(), instance.key(), out);
      }
    }
    state.elementInstances.values().stream()
        .filter(e -> e.elementType() != ElementType.PROCESS)
        .sorted(Comparator.comparingLong(ElementInstance::key))
        .forEach(e -> {
          out.add(new ElementActivated(e.key(), e.processInstanceKey(), e.flowScopeKey(), e.processDefinitionKey(), e.elementId(),
              e.elementType(), false, 0));
          if (e.elementType() == ElementType.MULTI_INSTANCE_BODY) {
            out.add(new MultiInstanceProgressed(e.key(), e.numberOfInstances(), e.numberOfCompletedInstances()));
          }
          variablesOf(e.key(), e.processInstanceKey(), out);
        });
    state.callingElementInstances.keySet().stream().sorted().forEach(child ->
        out.add(new ProcessInstanceCalled(child, state.parentProcessInstances.get(child), state.callingElementInstances.get(child))));
    new TreeMap<>(state.waitingFlows).forEach((scopeKey, gateways) -> {
      long processInstanceKey = state.elementInstances.get(scopeKey).processInstanceKey();
      new TreeMap<>(gateways).forEach((gatewayId, flows) -> flows.forEach((flowId, count) -> {
        for (int i = 0; i < count; i++) {
          out.add(new SequenceFlowTaken(processInstanceKey, scopeKey, flowId, gatewayId));
          out.add(new SequenceFlowWaiting(processInstanceKey, scopeKey, flowId, gatewayId));
        }
      }));
    });
    state.jobs.values().stream().sorted(Comparator.comparingLong(Job::key)).forEach(job -> jobEvents(job, out));
    state.timers.values().forEach(t ->
        out.add(new TimerCreated(t.key(), t.elementInstanceKey(), t.processInstanceKey(), t.targetElementId(), t.dueDate(), t.repetitions(), t.interval())));
    state.startTimers.values().stream().sorted(Comparator.comparingLong(StartTimer::key)).forEach(t ->
        out.add(new StartTimerCreated(t.key(), t.processDefinitionKey(), t.elementId(), t.dueDate(), t.repetitions())));
    state.messages.values().stream().sorted(Comparator.comparingLong(BufferedMessage::key)).forEach(m -> {
      out.add(new MessagePublished(m.key(), m.name(), m.correlationKey(), m.deadline(), m.messageId(), m.variables()));
      m.correlatedProcessIds().forEach(processId -> out.add(new MessageSpent(m.key(), processId)));
    });
    state.subscriptions.values().stream().sorted(Comparator.comparingLong(Subscription::key)).forEach(s ->
        out.add(new SubscriptionOpened(s.key(), s.elementInstanceKey(), s.processInstanceKey(), s.bpmnProcessId(), s.messageName(),
            s.correlationKey(), s.targetElementId())));
    state.signalSubscriptions.values().stream().sorted(Comparator.comparingLong(SignalSubscription::key)).forEach(s ->
        out.add(new SignalSubscriptionOpened(s.key(), s.elementInstanceKey(), s.processInstanceKey(), s.signalName(), s.targetElementId())));
    state.lockOfInstance.forEach((instance, correlationKey) ->
        out.add(new InstanceStartedByMessage(instance, -1, state.instances.get(instance).bpmnProcessId(), correlationKey)));
    state.incidents.values().forEach(i -> out.add(new IncidentCreated(i.key(), i.processInstanceKey(), i.elementInstanceKey(),
        i.elementId(), i.errorType(), i.errorMessage(), i.jobKey(), i.creationTime(), i.onCompletion())));
    if (state.pinnedClock >= 0) {
      out.add(new ClockPinned(state.pinnedClock));
    }
    out.add(new KeysIssued(state.peekNextKey()));
    out.flush();
  }

  private void variablesOf(long scopeKey, long processInstanceKey, Chunker out) {
    state.variables.getOrDefault(scopeKey, java.util.Map.of())
        .forEach((name, value) -> out.add(new VariableSet(scopeKey, processInstanceKey, name, value)));
  }

  private static void jobEvents(Job job, Chunker out) {
    out.add(new JobCreated(job.key(), job.elementInstanceKey(), job.processInstanceKey(), job.type(), job.retries(), job.customHeaders()));
    switch (job.state()) {
      case ACTIVATED -> out.add(new JobActivated(job.key(), job.worker(), job.deadline()));
      case FAILED -> {
        // Backing off, or out of retries (an incident) — then maybe given new retries, which only resolving the incident uses.
        boolean backingOff = job.retries() > 0 && job.retryAt() > 0;
        out.add(new JobFailed(job.key(), job.type(), backingOff ? job.retries() : 0, job.errorMessage(), backingOff ? job.retryAt() : 0));
        if (!backingOff && job.retries() > 0) {
          out.add(new JobRetriesUpdated(job.key(), job.retries()));
        }
      }
      case ERROR_THROWN -> out.add(new JobErrorThrown(job.key(), "", job.errorMessage()));
      case ACTIVATABLE -> {
        if (!job.errorMessage().isEmpty()) {
          out.add(new JobFailed(job.key(), job.type(), job.retries(), job.errorMessage(), 0));
        }
      }
    }
  }

  private final class Chunker {
    private final Consumer<List<EngineEvent>> sink;
    private List<EngineEvent> chunk = new ArrayList<>();

    Chunker(Consumer<List<EngineEvent>> sink) {
      this.sink = sink;
    }

    void add(EngineEvent event) {
      chunk.add(event);
      if (chunk.size() >= chunkSize) {
        flush();
      }
    }

    void flush() {
      if (!chunk.isEmpty()) {
        sink.accept(chunk);
        chunk = new ArrayList<>();
      }
    }
  }
}
