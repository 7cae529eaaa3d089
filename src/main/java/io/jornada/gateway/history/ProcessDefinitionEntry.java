package io.jornada.gateway.history;

import java.util.Map;

/** A deployed process version; {@code name} and element names come from its XML (null when unnamed). */
public record ProcessDefinitionEntry(
    long key,
    String processDefinitionId,
    String name,
    int version,
    String resourceName,
    String xml,
    boolean latestVersion,
    Map<String, String> elementNames) {

  ProcessDefinitionEntry superseded() {
    return new ProcessDefinitionEntry(key, processDefinitionId, name, version, resourceName, xml, false, elementNames);
  }
}
