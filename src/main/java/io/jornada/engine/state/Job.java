package io.jornada.engine.state;

import java.util.Map;

/** A job and where it is in its life: activatable, activated, failed (backing off or out of retries), done. */
public final class Job {

  /** Job states; names follow Zeebe's. */
  public enum State {
    ACTIVATABLE,
    ACTIVATED,
    FAILED,
    ERROR_THROWN
  }

  private final long key;
  private final long elementInstanceKey;
  private final long processInstanceKey;
  private final String type;
  private final Map<String, String> customHeaders;
  private State state = State.ACTIVATABLE;
  private int retries;
  private String worker = "";
  private long deadline = -1;
  private long retryAt = -1;
  private String errorMessage = "";

  Job(long key, long elementInstanceKey, long processInstanceKey, String type, int retries, Map<String, String> customHeaders) {
    this.key = key;
    this.elementInstanceKey = elementInstanceKey;
    this.processInstanceKey = processInstanceKey;
    this.type = type;
    this.retries = retries;
    this.customHeaders = customHeaders;
  }

  public long key() {
    return key;
  }

  public long elementInstanceKey() {
    return elementInstanceKey;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public String type() {
    return type;
  }

  public Map<String, String> customHeaders() {
    return customHeaders;
  }

  public State state() {
    return state;
  }

  public int retries() {
    return retries;
  }

  public String worker() {
    return worker;
  }

  public long deadline() {
    return deadline;
  }

  public long retryAt() {
    return retryAt;
  }

  public String errorMessage() {
    return errorMessage;
  }

  void activate(String worker, long deadline) {
    this.state = State.ACTIVATED;
    this.worker = worker;
    this.deadline = deadline;
  }

  void makeActivatable() {
    this.state = State.ACTIVATABLE;
    this.worker = "";
    this.deadline = -1;
    this.retryAt = -1;
  }

  void fail(int retries, String errorMessage, long retryAt) {
    this.state = State.FAILED;
    this.retries = retries;
    this.errorMessage = errorMessage;
    this.retryAt = retryAt;
    this.deadline = -1;
  }

  void updateRetries(int retries) {
    this.retries = retries;
  }

  void errorThrown(String errorMessage) {
    this.state = State.ERROR_THROWN;
    this.errorMessage = errorMessage;
    this.deadline = -1;
  }
}
