package io.jornada.engine.state;

import io.jornada.engine.event.DeploymentEvents.DecisionsDeployed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * All runtime state of the engine. Processors read it through the public methods; only {@link
 * EventAppliers} (same package) change it, so state is always what the events say.
 */
public final class EngineState {

  /** Zeebe encodes the partition in the upper bits of every key; one partition here. */
  private static final long KEY_BASE = 1L << 51;

  private long nextKey = KEY_BASE + 1;

  final Map<Long, DeployedProcess> processes = new HashMap<>();
  final Map<String, List<DeployedProcess>> processVersions = new HashMap<>();
  final Map<Long, DeployedDecision> decisions = new HashMap<>();
  final Map<String, List<DeployedDecision>> decisionVersions = new HashMap<>();
  final Map<String, DecisionsDeployed> latestDrgs = new HashMap<>();
  final Map<Long, DecisionsDeployed> drgs = new HashMap<>();

  final Map<Long, ElementInstance> elementInstances = new HashMap<>();
  final Map<Long, LinkedHashSet<Long>> childrenByScope = new HashMap<>();
  final Map<Long, Long> callingElementInstances = new HashMap<>();
  final Map<Long, Long> parentProcessInstances = new HashMap<>();
  final Map<Long, Map<String, Object>> variables = new HashMap<>();
  final Map<Long, ProcessInstanceSummary> instances = new LinkedHashMap<>();

  final Map<Long, Job> jobs = new HashMap<>();
  final Map<String, LinkedHashSet<Long>> activatableJobs = new HashMap<>();
  final TreeSet<long[]> jobDeadlines = new TreeSet<>(DUE_ORDER);
  final TreeSet<long[]> jobBackoffs = new TreeSet<>(DUE_ORDER);

  final Map<Long, Timer> timers = new HashMap<>();
  final TreeSet<long[]> timerDueDates = new TreeSet<>(DUE_ORDER);
  final Map<Long, List<Long>> timersByElement = new HashMap<>();
  final Map<Long, StartTimer> startTimers = new HashMap<>();
  final TreeSet<long[]> startTimerDueDates = new TreeSet<>(DUE_ORDER);

  final Map<Long, BufferedMessage> messages = new HashMap<>();
  final Map<String, LinkedHashSet<Long>> messagesByNameAndKey = new HashMap<>();
  final Map<String, Long> messagesById = new HashMap<>();
  final TreeSet<long[]> messageDeadlines = new TreeSet<>(DUE_ORDER);

  final Map<Long, Subscription> subscriptions = new HashMap<>();
  final Map<String, LinkedHashSet<Long>> subscriptionsByNameAndKey = new HashMap<>();
  final Map<Long, List<Long>> subscriptionsByElement = new HashMap<>();
  final Map<String, Long> messageStartLocks = new HashMap<>();
  final Map<Long, SignalSubscription> signalSubscriptions = new HashMap<>();
  final Map<String, LinkedHashSet<Long>> signalSubscriptionsByName = new HashMap<>();
  final Map<Long, List<Long>> signalSubscriptionsByElement = new HashMap<>();
  final Map<Long, String> lockOfInstance = new HashMap<>();

  final Map<Long, Incident> incidents = new LinkedHashMap<>();
  final Map<String, Integer> activeElements = new HashMap<>();
  final Map<Long, Map<String, Map<String, Integer>>> waitingFlows = new HashMap<>();

  /** The pinned clock in epoch ms, -1 while the clock follows the system; read by the clock off the writer thread too. */
  volatile long pinnedClock = -1;

  /** Orders {dueDate, key} pairs by due date, then key. */
  private static final Comparator<long[]> DUE_ORDER =
      Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]);

  /** A new unique key. Keys never repeat: replay moves the counter past every key it sees. */
  public long nextKey() {
    return nextKey++;
  }

  long peekNextKey() {
    return nextKey;
  }

  void observeKey(long key) {
    if (key >= nextKey) {
      nextKey = key + 1;
    }
  }

  // --- deployments

  public Optional<DeployedProcess> process(long key) {
    return Optional.ofNullable(processes.get(key));
  }

  /** The given version of a process id, or the latest for version -1. */
  public Optional<DeployedProcess> process(String bpmnProcessId, int version) {
    List<DeployedProcess> versions = processVersions.getOrDefault(bpmnProcessId, List.of());
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    if (version < 0) {
      return Optional.of(versions.get(versions.size() - 1));
    }
    return versions.stream().filter(p -> p.version() == version).findFirst();
  }

  public int nextProcessVersion(String bpmnProcessId) {
    return processVersions.getOrDefault(bpmnProcessId, List.of()).size() + 1;
  }

  /** The latest version of every process id. */
  public Collection<DeployedProcess> latestProcesses() {
    List<DeployedProcess> latest = new ArrayList<>();
    processVersions.values().forEach(v -> latest.add(v.get(v.size() - 1)));
    return latest;
  }

  public Collection<DeployedProcess> allProcesses() {
    return Collections.unmodifiableCollection(processes.values());
  }

  public Optional<DeployedDecision> latestDecision(String decisionId) {
    List<DeployedDecision> versions = decisionVersions.getOrDefault(decisionId, List.of());
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  public Optional<DeployedDecision> decision(long key) {
    return Optional.ofNullable(decisions.get(key));
  }

  public int nextDecisionVersion(String decisionId) {
    return decisionVersions.getOrDefault(decisionId, List.of()).size() + 1;
  }

  public int nextDecisionRequirementsVersion(String drgId) {
    return latestDecisionRequirements(drgId).map(d -> d.version() + 1).orElse(1);
  }

  /** The latest deployment of a decision requirements graph (one DMN resource). */
  public Optional<DecisionsDeployed> latestDecisionRequirements(String drgId) {
    return Optional.ofNullable(latestDrgs.get(drgId));
  }

  // --- instances and variables

  public Optional<ElementInstance> elementInstance(long key) {
    return Optional.ofNullable(elementInstances.get(key));
  }

  public Optional<ProcessInstanceSummary> instance(long key) {
    return Optional.ofNullable(instances.get(key));
  }


  /** The active element instances directly inside a scope, oldest first. */
  public List<Long> childrenOf(long scopeKey) {
    return List.copyOf(childrenByScope.getOrDefault(scopeKey, new LinkedHashSet<>()));
  }

  /**
   * The call activity instance that created this process instance, if it is a child instance:
   * where a search for an error catch continues when it leaves the process instance.
   */
  public OptionalLong callingElementInstance(long processInstanceKey) {
    Long caller = callingElementInstances.get(processInstanceKey);
    return caller == null ? OptionalLong.empty() : OptionalLong.of(caller);
  }

  /** The process instance whose call activity created this process instance, if it is a child instance. */
  public OptionalLong parentProcessInstance(long processInstanceKey) {
    Long parent = parentProcessInstances.get(processInstanceKey);
    return parent == null ? OptionalLong.empty() : OptionalLong.of(parent);
  }

  /** Whether any element instance is active directly inside a scope. */
  public boolean hasActiveChildren(long scopeKey) {
    return childrenByScope.containsKey(scopeKey);
  }

  /** Variables defined directly in a scope. */
  public Map<String, Object> localVariables(long scopeKey) {
    return Collections.unmodifiableMap(variables.getOrDefault(scopeKey, Map.of()));
  }

  /** Every variable visible from a scope: its own, then its flow scopes', inner ones winning. */
  public Map<String, Object> visibleVariables(long scopeKey) {
    Map<String, Object> result = new HashMap<>();
    long key = scopeKey;
    while (key >= 0) {
      variables.getOrDefault(key, Map.of()).forEach(result::putIfAbsent);
      ElementInstance instance = elementInstances.get(key);
      key = instance == null ? -1 : instance.flowScopeKey();
    }
    return result;
  }

  /** The nearest scope, from {@code scopeKey} outwards, that defines the variable; -1 if none. */
  public long scopeDefining(long scopeKey, String name) {
    long key = scopeKey;
    while (key >= 0) {
      if (variables.getOrDefault(key, Map.of()).containsKey(name)) {
        return key;
      }
      ElementInstance instance = elementInstances.get(key);
      key = instance == null ? -1 : instance.flowScopeKey();
    }
    return -1;
  }

  /** Active element instances (the process instances themselves excluded) per {@code processId/elementId}. */
  public Map<String, Integer> activeElementCounts() {
    return Map.copyOf(activeElements);
  }

  /** Taken flows waiting at a joining gateway in a scope: how many times each incoming flow arrived. */
  public Map<String, Integer> waitingFlows(long scopeKey, String gatewayId) {
    return Collections.unmodifiableMap(waitingFlows.getOrDefault(scopeKey, Map.of()).getOrDefault(gatewayId, Map.of()));
  }

  /** The joining gateways of a scope at which taken flows wait. */
  public List<String> gatewaysWithWaitingFlows(long scopeKey) {
    return List.copyOf(waitingFlows.getOrDefault(scopeKey, Map.of()).keySet());
  }

  // --- jobs

  public Optional<Job> job(long key) {
    return Optional.ofNullable(jobs.get(key));
  }

  /** Activatable jobs of a type, oldest first. */
  public Collection<Long> activatableJobs(String type) {
    return Collections.unmodifiableSet(activatableJobs.getOrDefault(type, new LinkedHashSet<>()));
  }

  /** Activatable job counts per type. */
  public Map<String, Integer> activatableJobCounts() {
    Map<String, Integer> counts = new HashMap<>();
    activatableJobs.forEach((type, keys) -> counts.put(type, keys.size()));
    return counts;
  }

  /** Activated jobs whose deadline is at or before {@code now}. */
  public List<Long> jobsTimedOut(long now) {
    return dueKeys(jobDeadlines, now);
  }

  /** Failed jobs whose retry back-off ended at or before {@code now}. */
  public List<Long> jobsToRecur(long now) {
    return dueKeys(jobBackoffs, now);
  }

  // --- timers

  public Optional<Timer> timer(long key) {
    return Optional.ofNullable(timers.get(key));
  }

  public List<Long> timersDue(long now) {
    return dueKeys(timerDueDates, now);
  }

  public List<Long> timersOf(long elementInstanceKey) {
    return List.copyOf(timersByElement.getOrDefault(elementInstanceKey, List.of()));
  }

  public Optional<StartTimer> startTimer(long key) {
    return Optional.ofNullable(startTimers.get(key));
  }

  /** Timers of timer start events due at or before {@code now}. */
  public List<Long> startTimersDue(long now) {
    return dueKeys(startTimerDueDates, now);
  }

  /** The scheduled timer start events of a process version. */
  public List<Long> startTimersOf(long processDefinitionKey) {
    return startTimers.values().stream().filter(t -> t.processDefinitionKey() == processDefinitionKey).map(StartTimer::key).sorted().toList();
  }

  // --- messages

  public Optional<BufferedMessage> message(long key) {
    return Optional.ofNullable(messages.get(key));
  }

  /** Buffered messages with this name and correlation key, oldest first. */
  public List<BufferedMessage> bufferedMessages(String name, String correlationKey) {
    List<BufferedMessage> result = new ArrayList<>();
    for (long key : messagesByNameAndKey.getOrDefault(name + '\u0000' + correlationKey, new LinkedHashSet<>())) {
      result.add(messages.get(key));
    }
    return result;
  }

  public boolean messageIdBuffered(String name, String correlationKey, String messageId) {
    return messagesById.containsKey(messageIdKey(name, correlationKey, messageId));
  }

  public List<Long> messagesExpired(long now) {
    return dueKeys(messageDeadlines, now);
  }

  public Optional<Subscription> subscription(long key) {
    return Optional.ofNullable(subscriptions.get(key));
  }

  /** Open subscriptions with this name and correlation key, oldest first. */
  public List<Subscription> openSubscriptions(String name, String correlationKey) {
    List<Subscription> result = new ArrayList<>();
    for (long key : subscriptionsByNameAndKey.getOrDefault(name + '\u0000' + correlationKey, new LinkedHashSet<>())) {
      result.add(subscriptions.get(key));
    }
    return result;
  }

  public List<Long> subscriptionsOf(long elementInstanceKey) {
    return List.copyOf(subscriptionsByElement.getOrDefault(elementInstanceKey, List.of()));
  }

  /** Whether an instance of the process id, started by a message with this correlation key, is still active. */
  public boolean messageStartLocked(String bpmnProcessId, String correlationKey) {
    return messageStartLocks.containsKey(bpmnProcessId + '\u0000' + correlationKey);
  }

  /** The correlation key of the message that started this instance, if it holds a message start lock. */
  public Optional<String> messageStartCorrelationKey(long processInstanceKey) {
    return Optional.ofNullable(lockOfInstance.get(processInstanceKey));
  }

  // --- signals

  /** Open signal subscriptions for this signal name, oldest first. */
  public List<SignalSubscription> signalSubscriptions(String signalName) {
    return signalSubscriptionsByName.getOrDefault(signalName, new LinkedHashSet<>()).stream().map(signalSubscriptions::get).toList();
  }

  public Optional<SignalSubscription> signalSubscription(long key) {
    return Optional.ofNullable(signalSubscriptions.get(key));
  }

  public List<Long> signalSubscriptionsOf(long elementInstanceKey) {
    return List.copyOf(signalSubscriptionsByElement.getOrDefault(elementInstanceKey, List.of()));
  }

  // --- incidents

  public Collection<Incident> incidents() {
    return Collections.unmodifiableCollection(incidents.values());
  }

  /** The open incidents of an element instance. */
  public List<Long> incidentsOf(long elementInstanceKey) {
    return incidents.values().stream().filter(i -> i.elementInstanceKey() == elementInstanceKey).map(Incident::key).toList();
  }

  public Optional<Incident> incident(long key) {
    return Optional.ofNullable(incidents.get(key));
  }

  // --- clock

  /** The moment the clock is pinned to (epoch ms), or -1 when it follows the system clock. */
  public long pinnedClock() {
    return pinnedClock;
  }

  /** The earliest moment something is due: a timer (start timers too), a job deadline or back-off, a message expiry; -1 if none. */
  public long nextDueDate() {
    long next = Long.MAX_VALUE;
    for (TreeSet<long[]> set : List.of(timerDueDates, jobDeadlines, jobBackoffs, messageDeadlines, startTimerDueDates)) {
      if (!set.isEmpty()) {
        next = Math.min(next, set.first()[0]);
      }
    }
    return next == Long.MAX_VALUE ? -1 : next;
  }

  static String messageIdKey(String name, String correlationKey, String messageId) {
    return name + '\u0000' + correlationKey + '\u0000' + messageId;
  }

  private static List<Long> dueKeys(TreeSet<long[]> set, long now) {
    List<Long> due = new ArrayList<>();
    for (long[] entry : set) {
      if (entry[0] > now) {
        break;
      }
      due.add(entry[1]);
    }
    return due;
  }
}
