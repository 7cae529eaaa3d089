package io.jornada.gateway.history;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A consistent view of the history: nothing changes while it is read. Collections are in the order
 * things were recorded and valid only inside {@link EngineHistory#read}.
 */
public interface HistoryView {

  Collection<ProcessDefinitionEntry> processDefinitions();

  Optional<ProcessDefinitionEntry> processDefinition(long key);

  Collection<ProcessInstanceEntry> processInstances();

  Optional<ProcessInstanceEntry> processInstance(long key);

  /** Element instances inside process instances (the process instances themselves are not among them). */
  Collection<ElementInstanceEntry> elementInstances();

  Optional<ElementInstanceEntry> elementInstance(long key);

  Collection<IncidentEntry> incidents();

  Optional<IncidentEntry> incident(long key);

  /** The incidents of a process instance, open and resolved. */
  Collection<IncidentEntry> incidentsOf(long processInstanceKey);

  Collection<VariableEntry> variables();

  Optional<VariableEntry> variable(long key);

  /** The variables of a process instance, in all its scopes. */
  Collection<VariableEntry> variablesOf(long processInstanceKey);

  /** The sequence flows the instance took, each once, in the order first taken. */
  List<SequenceFlowEntry> sequenceFlows(long processInstanceKey);
}
