package io.jornada.engine.state;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A published message kept until its time to live runs out. */
public final class BufferedMessage {

  private final long key;
  private final String name;
  private final String correlationKey;
  private final long deadline;
  private final String messageId;
  private final Map<String, Object> variables;
  private final Set<String> correlatedProcessIds = new HashSet<>();

  BufferedMessage(long key, String name, String correlationKey, long deadline, String messageId, Map<String, Object> variables) {
    this.key = key;
    this.name = name;
    this.correlationKey = correlationKey;
    this.deadline = deadline;
    this.messageId = messageId;
    this.variables = variables;
  }

  public long key() {
    return key;
  }

  public String name() {
    return name;
  }

  public String correlationKey() {
    return correlationKey;
  }

  public long deadline() {
    return deadline;
  }

  public String messageId() {
    return messageId;
  }

  public Map<String, Object> variables() {
    return variables;
  }

  /** A message correlates at most once per process id. */
  public boolean correlatedTo(String bpmnProcessId) {
    return correlatedProcessIds.contains(bpmnProcessId);
  }

  Set<String> correlatedProcessIds() {
    return correlatedProcessIds;
  }

  void markCorrelated(String bpmnProcessId) {
    correlatedProcessIds.add(bpmnProcessId);
  }
}
