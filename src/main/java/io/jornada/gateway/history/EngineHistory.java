package io.jornada.gateway.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jornada.engine.EngineListener;
import io.jornada.engine.event.DeploymentEvents.ProcessDeployed;
import io.jornada.engine.event.CallActivityEvents.ProcessInstanceCalled;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.ElementEvents.ElementCompleted;
import io.jornada.engine.event.ElementEvents.ElementTerminated;
import io.jornada.engine.event.ElementEvents.SequenceFlowTaken;
import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.event.IncidentEvents.IncidentCreated;
import io.jornada.engine.event.IncidentEvents.IncidentResolved;
import io.jornada.engine.model.ElementType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read model behind the search endpoints, fed by the engine's exported events: process
 * definitions, process and element instances, incidents, variables and taken sequence flows. Ended
 * instances stay, with everything that belongs to them, until more than {@code maxEndedInstances}
 * have ended; then the oldest ended ones go first.
 *
 * <p>The engine calls {@link #onEvents} on its acknowledgement thread, before the command is
 * answered, so a client sees its own writes. Each command's events apply under a write lock;
 * {@link #read} runs under a read lock, so a reader sees all of a command or none of it.
 *
 * <p>Variable keys are issued here (the engine's events name a variable by scope and name), from a
 * range the engine's keys never reach; they are stable while the process runs, not across restarts.
 */
public final class EngineHistory implements EngineListener {

  /** How many ended instances are kept by default. */
  public static final int DEFAULT_MAX_ENDED_INSTANCES = 10_000;

  /** The engine issues keys from 2^51 up; variable keys start where its keys never go. */
  private static final long VARIABLE_KEY_BASE = 1L << 60;

  private static final Logger LOG = LoggerFactory.getLogger(EngineHistory.class);

  private final int maxEndedInstances;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ObjectMapper json = new ObjectMapper();

  private final Map<Long, ProcessDefinitionEntry> definitions = new LinkedHashMap<>();
  private final Map<String, Long> latestDefinition = new HashMap<>();
  private final Map<Long, ProcessInstanceEntry> instances = new LinkedHashMap<>();
  private final Map<Long, ElementInstanceEntry> elements = new LinkedHashMap<>();
  private final Map<Long, IncidentEntry> incidents = new LinkedHashMap<>();
  private final Map<Long, VariableEntry> variables = new LinkedHashMap<>();
  private final Map<Long, Map<String, Long>> variableKeysByScope = new HashMap<>();
  private final Map<Long, Map<String, SequenceFlowEntry>> flows = new HashMap<>();
  private final Map<Long, List<Long>> elementsOfInstance = new HashMap<>();
  private final Map<Long, List<Long>> incidentsOfInstance = new HashMap<>();
  private final Map<Long, List<Long>> variablesOfInstance = new HashMap<>();
  private final Deque<Long> ended = new ArrayDeque<>();
  private long nextVariableKey = VARIABLE_KEY_BASE;

  private final HistoryView view = new View();

  public EngineHistory(int maxEndedInstances) {
    if (maxEndedInstances < 0) {
      throw new IllegalArgumentException("maxEndedInstances must be zero or more, but was " + maxEndedInstances);
    }
    this.maxEndedInstances = maxEndedInstances;
  }

  /** Reads a consistent view: no command's events apply while {@code reader} runs. */
  public <T> T read(Function<HistoryView, T> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(view);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void onEvents(List<EngineEvent> events) {
    lock.writeLock().lock();
    try {
      for (EngineEvent event : events) {
        try {
          apply(event);
        } catch (RuntimeException e) {
          // The engine answers commands after its listeners: a failure here must not hold them up.
          LOG.error("search history could not record {}", event.getClass().getSimpleName(), e);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void apply(EngineEvent event) {
    if (event instanceof ProcessDeployed e) {
      processDeployed(e);
    } else if (event instanceof ElementActivated e) {
      elementActivated(e);
    } else if (event instanceof ElementCompleted e) {
      elementEnded(e.key(), InstanceState.COMPLETED, e.timestamp());
    } else if (event instanceof ElementTerminated e) {
      elementEnded(e.key(), InstanceState.TERMINATED, e.timestamp());
    } else if (event instanceof SequenceFlowTaken e) {
      sequenceFlowTaken(e);
    } else if (event instanceof VariableSet e) {
      variableSet(e);
    } else if (event instanceof IncidentCreated e) {
      incidentCreated(e);
    } else if (event instanceof IncidentResolved e) {
      incidentResolved(e);
    } else if (event instanceof ProcessInstanceCalled e) {
      instances.computeIfPresent(e.processInstanceKey(), (k, instance) -> instance.calledBy(e.parentProcessInstanceKey(), e.parentElementInstanceKey()));
    }
  }

  private void processDeployed(ProcessDeployed e) {
    BpmnNames names = BpmnNames.of(e.xml(), e.bpmnProcessId());
    Long previous = latestDefinition.put(e.bpmnProcessId(), e.processDefinitionKey());
    if (previous != null) {
      definitions.computeIfPresent(previous, (k, d) -> d.superseded());
    }
    definitions.put(e.processDefinitionKey(), new ProcessDefinitionEntry(e.processDefinitionKey(), e.bpmnProcessId(),
        names.processName(), e.version(), e.resourceName(), new String(e.xml(), StandardCharsets.UTF_8), true, names.elementNames()));
  }

  private void elementActivated(ElementActivated e) {
    ProcessDefinitionEntry definition = definitions.get(e.processDefinitionKey());
    Instant start = instant(e.timestamp());
    if (e.elementType() == ElementType.PROCESS) {
      instances.put(e.key(), new ProcessInstanceEntry(e.key(), definition.key(), definition.processDefinitionId(), definition.name(),
          definition.version(), InstanceState.ACTIVE, start, null, 0, -1, -1));
      return;
    }
    elements.put(e.key(), new ElementInstanceEntry(e.key(), e.processInstanceKey(), e.flowScopeKey(), definition.key(),
        definition.processDefinitionId(), e.elementId(), definition.elementNames().get(e.elementId()), e.elementType(),
        InstanceState.ACTIVE, start, null, null));
    elementsOfInstance.computeIfAbsent(e.processInstanceKey(), k -> new ArrayList<>()).add(e.key());
  }

  private void elementEnded(long key, InstanceState state, long timestamp) {
    Instant end = instant(timestamp);
    elements.computeIfPresent(key, (k, element) -> element.ended(state, end));
    if (instances.computeIfPresent(key, (k, instance) -> instance.ended(state, end)) != null) {
      ended.addLast(key);
      while (ended.size() > maxEndedInstances) {
        forget(ended.removeFirst());
      }
    }
  }

  private void sequenceFlowTaken(SequenceFlowTaken e) {
    ProcessInstanceEntry instance = instances.get(e.processInstanceKey());
    flows.computeIfAbsent(e.processInstanceKey(), k -> new LinkedHashMap<>()).computeIfAbsent(e.flowId(), id ->
        new SequenceFlowEntry(e.processInstanceKey(), instance.processDefinitionKey(), instance.processDefinitionId(), id));
  }

  private void variableSet(VariableSet e) {
    long key = variableKeysByScope.computeIfAbsent(e.scopeKey(), k -> new HashMap<>()).computeIfAbsent(e.name(), name -> {
      variablesOfInstance.computeIfAbsent(e.processInstanceKey(), k -> new ArrayList<>()).add(nextVariableKey);
      return nextVariableKey++;
    });
    variables.put(key, new VariableEntry(key, e.name(), toJson(e.value()), e.scopeKey(), e.processInstanceKey()));
  }

  private void incidentCreated(IncidentCreated e) {
    ProcessInstanceEntry instance = instances.get(e.processInstanceKey());
    incidents.put(e.incidentKey(), new IncidentEntry(e.incidentKey(), e.processInstanceKey(), instance.processDefinitionKey(),
        instance.processDefinitionId(), e.elementInstanceKey(), e.elementId(), e.errorType(), e.errorMessage(),
        e.jobKey() < 0 ? null : e.jobKey(), instant(e.timestamp()), IncidentEntry.State.ACTIVE));
    incidentsOfInstance.computeIfAbsent(e.processInstanceKey(), k -> new ArrayList<>()).add(e.incidentKey());
    elements.computeIfPresent(e.elementInstanceKey(), (k, element) -> element.withIncident(e.incidentKey()));
    instances.computeIfPresent(e.processInstanceKey(), (k, i) -> i.withOpenIncidents(i.openIncidents() + 1));
  }

  private void incidentResolved(IncidentResolved e) {
    IncidentEntry incident = incidents.computeIfPresent(e.incidentKey(), (k, i) -> i.resolved());
    if (incident == null) {
      return;
    }
    elements.computeIfPresent(incident.elementInstanceKey(), (k, element) ->
        Long.valueOf(incident.key()).equals(element.incidentKey()) ? element.withIncident(null) : element);
    instances.computeIfPresent(incident.processInstanceKey(), (k, i) -> i.withOpenIncidents(Math.max(0, i.openIncidents() - 1)));
  }

  /** Drops an ended instance and everything recorded about it. */
  private void forget(long instanceKey) {
    instances.remove(instanceKey);
    variableKeysByScope.remove(instanceKey);
    for (long element : elementsOfInstance.getOrDefault(instanceKey, List.of())) {
      elements.remove(element);
      variableKeysByScope.remove(element);
    }
    elementsOfInstance.remove(instanceKey);
    variablesOfInstance.getOrDefault(instanceKey, List.of()).forEach(variables::remove);
    variablesOfInstance.remove(instanceKey);
    incidentsOfInstance.getOrDefault(instanceKey, List.of()).forEach(incidents::remove);
    incidentsOfInstance.remove(instanceKey);
    flows.remove(instanceKey);
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("variable value is not JSON", e);
    }
  }

  /** Events restored from a snapshot carry no time (0): unknown, not 1970. */
  private static Instant instant(long millis) {
    return millis > 0 ? Instant.ofEpochMilli(millis) : null;
  }

  private final class View implements HistoryView {

    @Override
    public Collection<ProcessDefinitionEntry> processDefinitions() {
      return Collections.unmodifiableCollection(definitions.values());
    }

    @Override
    public Optional<ProcessDefinitionEntry> processDefinition(long key) {
      return Optional.ofNullable(definitions.get(key));
    }

    @Override
    public Collection<ProcessInstanceEntry> processInstances() {
      return Collections.unmodifiableCollection(instances.values());
    }

    @Override
    public Optional<ProcessInstanceEntry> processInstance(long key) {
      return Optional.ofNullable(instances.get(key));
    }

    @Override
    public Collection<ElementInstanceEntry> elementInstances() {
      return Collections.unmodifiableCollection(elements.values());
    }

    @Override
    public Optional<ElementInstanceEntry> elementInstance(long key) {
      return Optional.ofNullable(elements.get(key));
    }

    @Override
    public Collection<IncidentEntry> incidents() {
      return Collections.unmodifiableCollection(incidents.values());
    }

    @Override
    public Optional<IncidentEntry> incident(long key) {
      return Optional.ofNullable(incidents.get(key));
    }

    @Override
    public Collection<IncidentEntry> incidentsOf(long processInstanceKey) {
      return incidentsOfInstance.getOrDefault(processInstanceKey, List.of()).stream().map(incidents::get).toList();
    }

    @Override
    public Collection<VariableEntry> variables() {
      return Collections.unmodifiableCollection(variables.values());
    }

    @Override
    public Optional<VariableEntry> variable(long key) {
      return Optional.ofNullable(variables.get(key));
    }

    @Override
    public Collection<VariableEntry> variablesOf(long processInstanceKey) {
      return variablesOfInstance.getOrDefault(processInstanceKey, List.of()).stream().map(variables::get).toList();
    }

    @Override
    public List<SequenceFlowEntry> sequenceFlows(long processInstanceKey) {
      return List.copyOf(flows.getOrDefault(processInstanceKey, Map.of()).values());
    }
  }
}
