package io.jornada.journey;

import io.jornada.engine.EngineListener;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.ElementEvents.ElementCompleted;
import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.event.EngineEvent;
import io.jornada.engine.event.MessageEvents.MessagePublished;
import io.jornada.engine.model.ElementType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What happened to each process instance, read from the engine's event stream the way an exporter
 * (Operate, history) reads it: the elements completed in order, the root variables, and the
 * published messages.
 */
final class InstanceHistory implements EngineListener {

  private final Map<Long, Long> instanceOfElement = new HashMap<>();
  private final Map<Long, String> elementIds = new HashMap<>();
  private final Map<Long, List<String>> completed = new HashMap<>();
  private final Map<Long, Map<String, Object>> variables = new HashMap<>();
  private final List<MessagePublished> published = new ArrayList<>();

  @Override
  public synchronized void onEvents(List<EngineEvent> events) {
    for (EngineEvent event : events) {
      if (event instanceof ElementActivated a) {
        instanceOfElement.put(a.key(), a.processInstanceKey());
        elementIds.put(a.key(), a.elementType() == ElementType.PROCESS ? "<process>" : a.elementId());
      } else if (event instanceof ElementCompleted c) {
        long instance = instanceOfElement.get(c.key());
        completed.computeIfAbsent(instance, k -> new ArrayList<>()).add(elementIds.get(c.key()));
      } else if (event instanceof MessagePublished m) {
        published.add(m);
      } else if (event instanceof VariableSet v && v.scopeKey() == v.processInstanceKey()) {
        variables.computeIfAbsent(v.processInstanceKey(), k -> new HashMap<>()).put(v.name(), v.value());
      }
    }
  }

  /** The instance whose root variable {@code leadId} has this value. */
  synchronized Optional<Long> instanceOfLead(String leadId) {
    return variables.entrySet().stream().filter(e -> leadId.equals(e.getValue().get("leadId"))).map(Map.Entry::getKey).findFirst();
  }

  /** Element ids completed by the instance, in order; the instance itself is {@code <process>}. */
  synchronized List<String> path(long instance) {
    return List.copyOf(completed.getOrDefault(instance, List.of()));
  }

  /** Messages published with this name and correlation key, in order. */
  synchronized List<MessagePublished> published(String name, String correlationKey) {
    return published.stream().filter(m -> m.name().equals(name) && m.correlationKey().equals(correlationKey)).toList();
  }

  synchronized Map<String, Object> variables(long instance) {
    return Map.copyOf(variables.getOrDefault(instance, Map.of()));
  }
}
