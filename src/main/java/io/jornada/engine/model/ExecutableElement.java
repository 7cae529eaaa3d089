package io.jornada.engine.model;

import io.jornada.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A flow node ready to execute: its kind plus the properties its behaviour needs. Fields that do not
 * apply to the kind are null or empty.
 */
public final class ExecutableElement {

  private final String id;
  private final String name;
  private final ElementType type;
  private final EventType eventType;
  private final List<ExecutableFlow> outgoing = new ArrayList<>();
  private final List<ExecutableElement> boundaryEvents = new ArrayList<>();
  private final List<ExecutableElement> eventSubProcesses = new ArrayList<>();
  private final List<ExecutableFlow> incoming = new ArrayList<>();
  private ExecutableElement flowScope;
  private ExecutableElement startEvent;
  private ExecutableFlow defaultFlow;
  private JobDefinition job;
  private DecisionCall decision;
  private MessageDefinition message;
  private TimerDefinition timer;
  private SignalDefinition signal;
  private CalledElement calledElement;
  private Expression errorCode;
  private boolean interrupting = true;
  private List<Mapping> inputs = List.of();
  private List<Mapping> outputs = List.of();
  private MultiInstance multiInstance;
  private ExecutableElement innerActivity;
  private ScriptDefinition script;
  private String linkName;
  private ExecutableElement linkTarget;

  ExecutableElement(String id, String name, ElementType type, EventType eventType) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.eventType = eventType;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ElementType type() {
    return type;
  }

  public EventType eventType() {
    return eventType;
  }

  public List<ExecutableFlow> outgoing() {
    return outgoing;
  }

  /** The sequence flows that lead to this element (what a joining gateway waits for). */
  public List<ExecutableFlow> incoming() {
    return incoming;
  }

  /** The process or subprocess this element is directly inside; null for the process itself. */
  public ExecutableElement flowScope() {
    return flowScope;
  }

  /** The none start event of a process or embedded subprocess, or null. */
  public ExecutableElement startEvent() {
    return startEvent;
  }

  /** The default flow of an exclusive gateway, or null. */
  public ExecutableFlow defaultFlow() {
    return defaultFlow;
  }

  public JobDefinition job() {
    return job;
  }

  public DecisionCall decision() {
    return decision;
  }

  public MessageDefinition message() {
    return message;
  }

  public TimerDefinition timer() {
    return timer;
  }

  /** The signal a signal event catches or throws, or null. */
  public SignalDefinition signal() {
    return signal;
  }

  /** The process a call activity calls, or null. */
  public CalledElement calledElement() {
    return calledElement;
  }

  /** The boundary events attached to this activity. */
  public List<ExecutableElement> boundaryEvents() {
    return boundaryEvents;
  }

  /** The event subprocesses directly inside this process or subprocess. */
  public List<ExecutableElement> eventSubProcesses() {
    return eventSubProcesses;
  }

  /**
   * The error code an error end event throws, or the one an error catch event catches (static);
   * null on a catch event that catches every error.
   */
  public Expression errorCode() {
    return errorCode;
  }

  /** Whether a boundary event or event subprocess start event interrupts its activity or scope. */
  public boolean interrupting() {
    return interrupting;
  }

  public List<Mapping> inputs() {
    return inputs;
  }

  public List<Mapping> outputs() {
    return outputs;
  }

  void addOutgoing(ExecutableFlow flow) {
    outgoing.add(flow);
  }

  void addIncoming(ExecutableFlow flow) {
    incoming.add(flow);
  }

  /** The loop characteristics of a multi-instance body, or null. */
  public MultiInstance multiInstance() {
    return multiInstance;
  }

  /** The activity a multi-instance body runs once per element (same id, its own type), or null. */
  public ExecutableElement innerActivity() {
    return innerActivity;
  }

  void setMultiInstance(MultiInstance multiInstance, ExecutableElement innerActivity) {
    this.multiInstance = multiInstance;
    this.innerActivity = innerActivity;
  }

  /** {@code zeebe:script} of a script task evaluated by the engine, or null. */
  public ScriptDefinition script() {
    return script;
  }

  void setScript(ScriptDefinition script) {
    this.script = script;
  }

  /** The link name of a link throw or catch event, or null. */
  public String linkName() {
    return linkName;
  }

  /** The link catch event a link throw event jumps to (same name, same scope), or null. */
  public ExecutableElement linkTarget() {
    return linkTarget;
  }

  void setLinkName(String linkName) {
    this.linkName = linkName;
  }

  void setLinkTarget(ExecutableElement linkTarget) {
    this.linkTarget = linkTarget;
  }

  void setDefaultFlow(ExecutableFlow flow) {
    this.defaultFlow = flow;
  }

  void setJob(JobDefinition job) {
    this.job = job;
  }

  void setDecision(DecisionCall decision) {
    this.decision = decision;
  }

  void setMessage(MessageDefinition message) {
    this.message = message;
  }

  void setTimer(TimerDefinition timer) {
    this.timer = timer;
  }

  void setSignal(SignalDefinition signal) {
    this.signal = signal;
  }

  void setCalledElement(CalledElement calledElement) {
    this.calledElement = calledElement;
  }

  void addBoundaryEvent(ExecutableElement boundaryEvent) {
    boundaryEvents.add(boundaryEvent);
  }

  void addEventSubProcess(ExecutableElement eventSubProcess) {
    eventSubProcesses.add(eventSubProcess);
  }

  void setErrorCode(Expression errorCode) {
    this.errorCode = errorCode;
  }

  void setInterrupting(boolean interrupting) {
    this.interrupting = interrupting;
  }

  void setFlowScope(ExecutableElement flowScope) {
    this.flowScope = flowScope;
  }

  void setStartEvent(ExecutableElement startEvent) {
    this.startEvent = startEvent;
  }

  void setMappings(List<Mapping> inputs, List<Mapping> outputs) {
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  /** {@code zeebe:taskDefinition} and {@code zeebe:taskHeaders}. */
  public record JobDefinition(Expression type, Expression retries, Map<String, String> headers) {}

  /** {@code zeebe:calledDecision}. */
  public record DecisionCall(String decisionId, String resultVariable) {}

  /** A signal reference: its name, static or an expression. */
  public record SignalDefinition(Expression name) {}

  /** A message reference; {@code correlationKey} is null on start events. */
  public record MessageDefinition(String name, Expression correlationKey) {}

  /**
   * {@code zeebe:calledElement}: the called process id (static or FEEL), which variables cross over,
   * and whether the version deployed with the calling process is called instead of the latest.
   */
  public record CalledElement(
      Expression processId, boolean propagateAllChildVariables, boolean propagateAllParentVariables, boolean sameDeployment) {}

  /**
   * {@code multiInstanceLoopCharacteristics} with {@code zeebe:loopCharacteristics}; {@code
   * inputElement}, {@code outputCollection}, {@code outputElement} and {@code completionCondition}
   * are null when absent.
   */
  public record MultiInstance(
      boolean sequential,
      Expression inputCollection,
      String inputElement,
      String outputCollection,
      Expression outputElement,
      Expression completionCondition) {}

  /** {@code zeebe:script}: a FEEL expression and the variable its result is stored in. */
  public record ScriptDefinition(Expression expression, String resultVariable) {}
}
