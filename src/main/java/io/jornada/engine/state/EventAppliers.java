package io.jornada.engine.state;

import io.jornada.engine.decision.DecisionEngine;
import io.jornada.engine.event.ClockEvents.ClockPinned;
import io.jornada.engine.event.ClockEvents.ClockReset;
import io.jornada.engine.event.CallActivityEvents.ProcessInstanceCalled;
import io.jornada.engine.event.DeploymentEvents.DecisionEvaluated;
import io.jornada.engine.event.DeploymentEvents.DecisionsDeployed;
import io.jornada.engine.event.DeploymentEvents.ProcessDeployed;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.ElementEvents.ElementCompleted;
import io.jornada.engine.event.ElementEvents.ElementTerminated;
import io.jornada.engine.event.ElementEvents.SequenceFlowTaken;
import io.jornada.engine.event.ElementEvents.TakenFlowsDiscarded;
import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.event.GatewayEvents.SequenceFlowWaiting;
import io.jornada.engine.event.GatewayEvents.SequenceFlowsJoined;
import io.jornada.engine.event.IncidentEvents.IncidentCreated;
import io.jornada.engine.event.IncidentEvents.IncidentResolved;
import io.jornada.engine.event.JobEvents.JobActivated;
import io.jornada.engine.event.JobEvents.JobCanceled;
import io.jornada.engine.event.JobEvents.JobCompleted;
import io.jornada.engine.event.JobEvents.JobCreated;
import io.jornada.engine.event.JobEvents.JobErrorThrown;
import io.jornada.engine.event.JobEvents.JobFailed;
import io.jornada.engine.event.JobEvents.JobRecurred;
import io.jornada.engine.event.JobEvents.JobRetriesUpdated;
import io.jornada.engine.event.JobEvents.JobTimeoutUpdated;
import io.jornada.engine.event.JobEvents.JobTimedOut;
import io.jornada.engine.event.MultiInstanceEvents.MultiInstanceProgressed;
import io.jornada.engine.event.MessageEvents.InstanceStartedByMessage;
import io.jornada.engine.event.MessageEvents.MessageExpired;
import io.jornada.engine.event.MessageEvents.MessagePublished;
import io.jornada.engine.event.MessageEvents.SubscriptionClosed;
import io.jornada.engine.event.MessageEvents.SubscriptionCorrelated;
import io.jornada.engine.event.MessageEvents.SubscriptionOpened;
import io.jornada.engine.event.SignalEvents.SignalBroadcast;
import io.jornada.engine.event.SignalEvents.SignalSubscriptionClosed;
import io.jornada.engine.event.SignalEvents.SignalSubscriptionOpened;
import io.jornada.engine.event.SnapshotEvents.KeysIssued;
import io.jornada.engine.event.SnapshotEvents.MessageSpent;
import io.jornada.engine.event.TimerEvents.StartTimerCanceled;
import io.jornada.engine.event.TimerEvents.StartTimerCreated;
import io.jornada.engine.event.TimerEvents.StartTimerTriggered;
import io.jornada.engine.event.TimerEvents.TimerCanceled;
import io.jornada.engine.event.TimerEvents.TimerCreated;
import io.jornada.engine.event.TimerEvents.TimerTriggered;
import io.jornada.engine.model.BpmnTransformer;
import io.jornada.engine.model.ElementType;
import io.jornada.engine.model.ExecutableProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The only code that changes {@link EngineState}: one applier per event type. Applying the same
 * events in the same order always yields the same state, which is what replay relies on.
 */
public final class EventAppliers {

  private final EngineState state;
  private final BpmnTransformer transformer;
  private final DecisionEngine decisionEngine;
  private final Map<Class<?>, Consumer<EngineEvent>> appliers = new HashMap<>();

  public EventAppliers(EngineState state, BpmnTransformer transformer, DecisionEngine decisionEngine) {
    this.state = state;
    this.transformer = transformer;
    this.decisionEngine = decisionEngine;
    register(ProcessDeployed.class, this::processDeployed);
    register(DecisionsDeployed.class, this::decisionsDeployed);
    register(DecisionEvaluated.class, e -> state.observeKey(e.evaluationKey()));
    register(ElementActivated.class, this::elementActivated);
    register(ElementCompleted.class, e -> elementEnded(e.key(), e.timestamp(), ProcessInstanceSummary.State.COMPLETED));
    register(ElementTerminated.class, e -> elementEnded(e.key(), e.timestamp(), ProcessInstanceSummary.State.TERMINATED));
    register(SequenceFlowTaken.class, e -> state.elementInstances.get(e.flowScopeKey()).changePendingFlows(1));
    register(TakenFlowsDiscarded.class, e -> {
      ElementInstance scope = state.elementInstances.get(e.flowScopeKey());
      scope.changePendingFlows(-scope.pendingFlows());
    });
    register(VariableSet.class, e -> state.variables.computeIfAbsent(e.scopeKey(), k -> new HashMap<>()).put(e.name(), e.value()));
    register(JobCreated.class, this::jobCreated);
    register(JobActivated.class, this::jobActivated);
    register(JobCompleted.class, e -> removeJob(e.jobKey()));
    register(JobCanceled.class, e -> removeJob(e.jobKey()));
    register(JobFailed.class, this::jobFailed);
    register(JobRecurred.class, this::jobRecurred);
    register(JobTimedOut.class, this::jobTimedOut);
    register(JobErrorThrown.class, this::jobErrorThrown);
    register(TimerCreated.class, this::timerCreated);
    register(TimerTriggered.class, e -> removeTimer(e.timerKey()));
    register(TimerCanceled.class, e -> removeTimer(e.timerKey()));
    register(MessagePublished.class, this::messagePublished);
    register(MessageExpired.class, this::messageExpired);
    register(SubscriptionOpened.class, this::subscriptionOpened);
    register(SubscriptionCorrelated.class, this::subscriptionCorrelated);
    register(SubscriptionClosed.class, e -> removeSubscription(e.subscriptionKey()));
    register(InstanceStartedByMessage.class, this::instanceStartedByMessage);
    register(IncidentCreated.class, this::incidentCreated);
    register(IncidentResolved.class, e -> state.incidents.remove(e.incidentKey()));
    register(MessageSpent.class, e -> state.messages.get(e.messageKey()).markCorrelated(e.bpmnProcessId()));
    register(KeysIssued.class, e -> state.observeKey(e.nextKey() - 1));
    register(ClockPinned.class, e -> state.pinnedClock = e.epochMillis());
    register(ClockReset.class, e -> state.pinnedClock = -1);
    register(JobRetriesUpdated.class, e -> state.jobs.get(e.jobKey()).updateRetries(e.retries()));
    register(JobTimeoutUpdated.class, this::jobTimeoutUpdated);
    register(StartTimerCreated.class, this::startTimerCreated);
    register(StartTimerTriggered.class, e -> removeStartTimer(e.timerKey()));
    register(StartTimerCanceled.class, e -> removeStartTimer(e.timerKey()));
    register(SignalSubscriptionOpened.class, this::signalSubscriptionOpened);
    register(SignalSubscriptionClosed.class, e -> removeSignalSubscription(e.subscriptionKey()));
    register(SignalBroadcast.class, e -> state.observeKey(e.signalKey()));
    register(ProcessInstanceCalled.class, this::processInstanceCalled);
    register(SequenceFlowWaiting.class, this::sequenceFlowWaiting);
    register(SequenceFlowsJoined.class, this::sequenceFlowsJoined);
    register(MultiInstanceProgressed.class,
        e -> state.elementInstances.get(e.bodyKey()).setLoopProgress(e.numberOfInstances(), e.numberOfCompletedInstances()));
  }

  @SuppressWarnings("unchecked")
  private <E extends EngineEvent> void register(Class<E> type, Consumer<E> applier) {
    appliers.put(type, event -> applier.accept((E) event));
  }

  public void apply(EngineEvent event) {
    appliers.get(event.getClass()).accept(event);
  }

  private void processDeployed(ProcessDeployed e) {
    state.observeKey(e.processDefinitionKey());
    state.observeKey(e.deploymentKey());
    ExecutableProcess process =
        transformer.transform(e.resourceName(), e.xml()).processes().stream()
            .filter(p -> p.bpmnProcessId().equals(e.bpmnProcessId()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("deployed process " + e.bpmnProcessId() + " no longer transforms"));
    var deployed = new DeployedProcess(e.processDefinitionKey(), e.bpmnProcessId(), e.version(), e.resourceName(), e.deploymentKey(), e.xml(), process);
    state.processes.put(deployed.key(), deployed);
    state.processVersions.computeIfAbsent(deployed.bpmnProcessId(), k -> new ArrayList<>()).add(deployed);
  }

  private void decisionsDeployed(DecisionsDeployed e) {
    state.observeKey(e.decisionRequirementsKey());
    state.observeKey(e.deploymentKey());
    DecisionEngine.Parsed parsed = decisionEngine.parse(e.resourceName(), e.xml());
    state.latestDrgs.put(e.decisionRequirementsId(), e);
    state.drgs.put(e.decisionRequirementsKey(), e);
    for (var decision : e.decisions()) {
      state.observeKey(decision.decisionKey());
      var deployed =
          new DeployedDecision(decision.decisionKey(), decision.decisionId(), decision.name(), decision.version(),
              e.decisionRequirementsKey(), e.decisionRequirementsId(), parsed);
      state.decisions.put(deployed.key(), deployed);
      state.decisionVersions.computeIfAbsent(deployed.decisionId(), k -> new ArrayList<>()).add(deployed);
    }
  }

  private void elementActivated(ElementActivated e) {
    state.observeKey(e.key());
    var instance =
        new ElementInstance(e.key(), e.processInstanceKey(), e.flowScopeKey(), e.processDefinitionKey(), e.elementId(), e.elementType());
    state.elementInstances.put(e.key(), instance);
    ElementInstance flowScope = state.elementInstances.get(e.flowScopeKey());
    if (flowScope != null) {
      state.childrenByScope.computeIfAbsent(flowScope.key(), k -> new LinkedHashSet<>()).add(e.key());
      if (e.viaSequenceFlow()) {
        flowScope.changePendingFlows(-1);
      }
    }
    if (e.elementType() != ElementType.PROCESS) {
      state.activeElements.merge(elementCountKey(instance), 1, Integer::sum);
    }
    if (e.elementType() == ElementType.PROCESS) {
      DeployedProcess process = state.processes.get(e.processDefinitionKey());
      state.instances.put(
          e.key(),
          new ProcessInstanceSummary(e.key(), process.bpmnProcessId(), process.version(), process.key(),
              ProcessInstanceSummary.State.ACTIVE, e.timestamp(), -1));
    }
  }

  private void elementEnded(long key, long timestamp, ProcessInstanceSummary.State endState) {
    ElementInstance instance = state.elementInstances.remove(key);
    state.variables.remove(key);
    state.waitingFlows.remove(key);
    ElementInstance flowScope = state.elementInstances.get(instance.flowScopeKey());
    if (flowScope != null) {
      var siblings = state.childrenByScope.get(flowScope.key());
      siblings.remove(key);
      if (siblings.isEmpty()) {
        state.childrenByScope.remove(flowScope.key());
      }
    }
    if (instance.elementType() != ElementType.PROCESS) {
      state.activeElements.computeIfPresent(elementCountKey(instance), (k, count) -> count == 1 ? null : count - 1);
    }
    if (instance.elementType() == ElementType.PROCESS) {
      state.instances.computeIfPresent(key, (k, summary) -> summary.ended(endState, timestamp));
      state.callingElementInstances.remove(key);
      state.parentProcessInstances.remove(key);
      String correlationKey = state.lockOfInstance.remove(key);
      if (correlationKey != null) {
        state.messageStartLocks.remove(state.instances.get(key).bpmnProcessId() + '\u0000' + correlationKey);
      }
    }
  }

  private String elementCountKey(ElementInstance instance) {
    return state.processes.get(instance.processDefinitionKey()).bpmnProcessId() + "/" + instance.elementId();
  }

  private void sequenceFlowWaiting(SequenceFlowWaiting e) {
    state.waitingFlows.computeIfAbsent(e.flowScopeKey(), k -> new HashMap<>())
        .computeIfAbsent(e.gatewayId(), k -> new LinkedHashMap<>())
        .merge(e.flowId(), 1, Integer::sum);
  }

  private void sequenceFlowsJoined(SequenceFlowsJoined e) {
    var ofScope = state.waitingFlows.get(e.flowScopeKey());
    var ofGateway = ofScope.get(e.gatewayId());
    e.flowIds().forEach(flow -> ofGateway.computeIfPresent(flow, (k, count) -> count == 1 ? null : count - 1));
    if (ofGateway.isEmpty()) {
      ofScope.remove(e.gatewayId());
    }
    if (ofScope.isEmpty()) {
      state.waitingFlows.remove(e.flowScopeKey());
    }
    state.elementInstances.get(e.flowScopeKey()).changePendingFlows(-e.flowIds().size());
  }

  private void jobCreated(JobCreated e) {
    state.observeKey(e.jobKey());
    state.jobs.put(e.jobKey(), new Job(e.jobKey(), e.elementInstanceKey(), e.processInstanceKey(), e.type(), e.retries(), e.customHeaders()));
    state.activatableJobs.computeIfAbsent(e.type(), k -> new LinkedHashSet<>()).add(e.jobKey());
    state.elementInstances.get(e.elementInstanceKey()).setJobKey(e.jobKey());
  }

  private void jobActivated(JobActivated e) {
    Job job = state.jobs.get(e.jobKey());
    state.activatableJobs.get(job.type()).remove(job.key());
    job.activate(e.worker(), e.deadline());
    state.jobDeadlines.add(new long[] {e.deadline(), job.key()});
  }

  private void jobFailed(JobFailed e) {
    Job job = state.jobs.get(e.jobKey());
    forgetDueDates(job);
    state.activatableJobs.getOrDefault(job.type(), new LinkedHashSet<>()).remove(job.key());
    job.fail(e.retries(), e.errorMessage(), e.retryAt());
    if (e.retries() > 0) {
      if (e.retryAt() > 0) {
        state.jobBackoffs.add(new long[] {e.retryAt(), job.key()});
      } else {
        job.makeActivatable();
        state.activatableJobs.computeIfAbsent(job.type(), k -> new LinkedHashSet<>()).add(job.key());
      }
    }
  }

  private void jobRecurred(JobRecurred e) {
    Job job = state.jobs.get(e.jobKey());
    forgetDueDates(job);
    job.makeActivatable();
    state.activatableJobs.computeIfAbsent(job.type(), k -> new LinkedHashSet<>()).add(job.key());
  }

  private void jobTimedOut(JobTimedOut e) {
    Job job = state.jobs.get(e.jobKey());
    forgetDueDates(job);
    job.makeActivatable();
    state.activatableJobs.computeIfAbsent(job.type(), k -> new LinkedHashSet<>()).add(job.key());
  }

  private void jobTimeoutUpdated(JobTimeoutUpdated e) {
    Job job = state.jobs.get(e.jobKey());
    state.jobDeadlines.remove(new long[] {job.deadline(), job.key()});
    job.activate(job.worker(), e.deadline());
    state.jobDeadlines.add(new long[] {e.deadline(), job.key()});
  }

  private void jobErrorThrown(JobErrorThrown e) {
    Job job = state.jobs.get(e.jobKey());
    forgetDueDates(job);
    state.activatableJobs.getOrDefault(job.type(), new LinkedHashSet<>()).remove(job.key());
    job.errorThrown(e.errorMessage());
  }

  private void removeJob(long jobKey) {
    Job job = state.jobs.remove(jobKey);
    forgetDueDates(job);
    state.activatableJobs.getOrDefault(job.type(), new LinkedHashSet<>()).remove(jobKey);
    ElementInstance instance = state.elementInstances.get(job.elementInstanceKey());
    if (instance != null) {
      instance.setJobKey(-1);
    }
  }

  private void forgetDueDates(Job job) {
    state.jobDeadlines.remove(new long[] {job.deadline(), job.key()});
    state.jobBackoffs.remove(new long[] {job.retryAt(), job.key()});
  }

  private void timerCreated(TimerCreated e) {
    state.observeKey(e.timerKey());
    state.timers.put(e.timerKey(), new Timer(e.timerKey(), e.elementInstanceKey(), e.processInstanceKey(), e.targetElementId(), e.dueDate(), e.repetitions(), e.interval()));
    state.timerDueDates.add(new long[] {e.dueDate(), e.timerKey()});
    state.timersByElement.computeIfAbsent(e.elementInstanceKey(), k -> new ArrayList<>()).add(e.timerKey());
  }

  private void removeTimer(long timerKey) {
    Timer timer = state.timers.remove(timerKey);
    state.timerDueDates.remove(new long[] {timer.dueDate(), timerKey});
    var ofElement = state.timersByElement.get(timer.elementInstanceKey());
    ofElement.remove(timerKey);
    if (ofElement.isEmpty()) {
      state.timersByElement.remove(timer.elementInstanceKey());
    }
  }

  private void startTimerCreated(StartTimerCreated e) {
    state.observeKey(e.timerKey());
    state.startTimers.put(e.timerKey(), new StartTimer(e.timerKey(), e.processDefinitionKey(), e.targetElementId(), e.dueDate(), e.repetitions()));
    state.startTimerDueDates.add(new long[] {e.dueDate(), e.timerKey()});
  }

  private void removeStartTimer(long timerKey) {
    StartTimer timer = state.startTimers.remove(timerKey);
    state.startTimerDueDates.remove(new long[] {timer.dueDate(), timerKey});
  }

  private void signalSubscriptionOpened(SignalSubscriptionOpened e) {
    state.observeKey(e.subscriptionKey());
    state.signalSubscriptions.put(e.subscriptionKey(),
        new SignalSubscription(e.subscriptionKey(), e.elementInstanceKey(), e.processInstanceKey(), e.signalName(), e.targetElementId()));
    state.signalSubscriptionsByName.computeIfAbsent(e.signalName(), k -> new LinkedHashSet<>()).add(e.subscriptionKey());
    state.signalSubscriptionsByElement.computeIfAbsent(e.elementInstanceKey(), k -> new ArrayList<>()).add(e.subscriptionKey());
  }

  private void removeSignalSubscription(long key) {
    SignalSubscription subscription = state.signalSubscriptions.remove(key);
    var sameName = state.signalSubscriptionsByName.get(subscription.signalName());
    sameName.remove(key);
    if (sameName.isEmpty()) {
      state.signalSubscriptionsByName.remove(subscription.signalName());
    }
    var ofElement = state.signalSubscriptionsByElement.get(subscription.elementInstanceKey());
    ofElement.remove(key);
    if (ofElement.isEmpty()) {
      state.signalSubscriptionsByElement.remove(subscription.elementInstanceKey());
    }
  }

  private void messagePublished(MessagePublished e) {
    state.observeKey(e.messageKey());
    var message = new BufferedMessage(e.messageKey(), e.name(), e.correlationKey(), e.deadline(), e.messageId(), e.variables());
    state.messages.put(e.messageKey(), message);
    state.messagesByNameAndKey.computeIfAbsent(e.name() + '\u0000' + e.correlationKey(), k -> new LinkedHashSet<>()).add(e.messageKey());
    if (e.messageId() != null && !e.messageId().isEmpty()) {
      state.messagesById.put(EngineState.messageIdKey(e.name(), e.correlationKey(), e.messageId()), e.messageKey());
    }
    state.messageDeadlines.add(new long[] {e.deadline(), e.messageKey()});
  }

  private void messageExpired(MessageExpired e) {
    BufferedMessage message = state.messages.remove(e.messageKey());
    String nameAndKey = message.name() + '\u0000' + message.correlationKey();
    var sameKey = state.messagesByNameAndKey.get(nameAndKey);
    sameKey.remove(message.key());
    if (sameKey.isEmpty()) {
      state.messagesByNameAndKey.remove(nameAndKey);
    }
    if (message.messageId() != null && !message.messageId().isEmpty()) {
      state.messagesById.remove(EngineState.messageIdKey(message.name(), message.correlationKey(), message.messageId()));
    }
    state.messageDeadlines.remove(new long[] {message.deadline(), message.key()});
  }

  private void subscriptionOpened(SubscriptionOpened e) {
    state.observeKey(e.subscriptionKey());
    var subscription =
        new Subscription(e.subscriptionKey(), e.elementInstanceKey(), e.processInstanceKey(), e.bpmnProcessId(), e.messageName(), e.correlationKey(), e.targetElementId());
    state.subscriptions.put(subscription.key(), subscription);
    state.subscriptionsByNameAndKey.computeIfAbsent(e.messageName() + '\u0000' + e.correlationKey(), k -> new LinkedHashSet<>()).add(subscription.key());
    state.subscriptionsByElement.computeIfAbsent(e.elementInstanceKey(), k -> new ArrayList<>()).add(subscription.key());
  }

  private void subscriptionCorrelated(SubscriptionCorrelated e) {
    Subscription subscription = state.subscriptions.get(e.subscriptionKey());
    BufferedMessage message = state.messages.get(e.messageKey());
    if (message != null) {
      message.markCorrelated(subscription.bpmnProcessId());
    }
    removeSubscription(e.subscriptionKey());
  }

  private void removeSubscription(long key) {
    Subscription subscription = state.subscriptions.remove(key);
    String nameAndKey = subscription.messageName() + '\u0000' + subscription.correlationKey();
    var sameKey = state.subscriptionsByNameAndKey.get(nameAndKey);
    sameKey.remove(key);
    if (sameKey.isEmpty()) {
      state.subscriptionsByNameAndKey.remove(nameAndKey);
    }
    var ofElement = state.subscriptionsByElement.get(subscription.elementInstanceKey());
    ofElement.remove(key);
    if (ofElement.isEmpty()) {
      state.subscriptionsByElement.remove(subscription.elementInstanceKey());
    }
  }

  private void instanceStartedByMessage(InstanceStartedByMessage e) {
    BufferedMessage message = state.messages.get(e.messageKey());
    if (message != null) {
      message.markCorrelated(e.bpmnProcessId());
    }
    if (e.correlationKey() != null && !e.correlationKey().isEmpty()) {
      String lock = e.bpmnProcessId() + '\u0000' + e.correlationKey();
      state.messageStartLocks.put(lock, e.processInstanceKey());
      state.lockOfInstance.put(e.processInstanceKey(), e.correlationKey());
    }
  }

  private void processInstanceCalled(ProcessInstanceCalled e) {
    state.callingElementInstances.put(e.processInstanceKey(), e.parentElementInstanceKey());
    state.parentProcessInstances.put(e.processInstanceKey(), e.parentProcessInstanceKey());
    ElementInstance caller = state.elementInstances.get(e.parentElementInstanceKey());
    if (caller != null) {
      caller.setCalledInstanceKey(e.processInstanceKey());
    }
  }

  private void incidentCreated(IncidentCreated e) {
    state.observeKey(e.incidentKey());
    state.incidents.put(
        e.incidentKey(),
        new Incident(e.incidentKey(), e.processInstanceKey(), e.elementInstanceKey(), e.elementId(), e.errorType(), e.errorMessage(), e.jobKey(), e.timestamp(), e.onCompletion()));
  }
}
