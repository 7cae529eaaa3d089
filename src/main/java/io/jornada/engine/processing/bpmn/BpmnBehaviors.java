package io.jornada.engine.processing.bpmn;

import io.jornada.engine.EngineClock;
import io.jornada.engine.decision.DecisionEngine;
import io.jornada.engine.event.ElementEvents.ElementActivated;
import io.jornada.engine.event.ElementEvents.ElementCompleted;
import io.jornada.engine.event.ElementEvents.ElementTerminated;
import io.jornada.engine.event.IncidentEvents.IncidentResolved;
import io.jornada.engine.event.JobEvents.JobCanceled;
import io.jornada.engine.event.ElementEvents.SequenceFlowTaken;
import io.jornada.engine.event.ElementEvents.TakenFlowsDiscarded;
import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.event.MessageEvents.InstanceStartedByMessage;
import io.jornada.engine.expression.Expression;
import io.jornada.engine.expression.ExpressionLanguage;
import io.jornada.engine.model.ElementType;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.model.ExecutableFlow;
import io.jornada.engine.model.ExecutableProcess;
import io.jornada.engine.processing.EventWriter;
import io.jornada.engine.state.DeployedProcess;
import io.jornada.engine.state.ElementInstance;
import io.jornada.engine.state.EngineState;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The facade the element behaviours work through: element transitions (activate, complete, take
 * flows), and the shared behaviours for variables, jobs, incidents, events and decisions.
 *
 * <p>Follow-up steps are queued and run one after another until the command's work is done, so a
 * long chain of elements never grows the stack.
 */
public final class BpmnBehaviors {

  private final EngineState state;
  private final EventWriter writer;
  private final EngineClock clock;
  private final ExpressionLanguage expressions;
  private final DecisionEngine decisions;
  private final VariableBehavior variables;
  private final JobBehavior jobs;
  private final IncidentBehavior incidents;
  private final EventBehavior events;
  private final TimerStartEvents timerStarts;
  private final SignalBehavior signals;
  private final EventScopeBehavior eventScopes;
  private final ErrorBehavior errors;
  private final JoinBehavior joins;
  private final Map<ElementType, BpmnElementBehavior> behaviors = new EnumMap<>(ElementType.class);
  private final ArrayDeque<Runnable> work = new ArrayDeque<>();
  private final Map<Long, Consumer<Map<String, Object>>> completionWaiters = new HashMap<>();

  public BpmnBehaviors(EngineState state, EventWriter writer, EngineClock clock, ExpressionLanguage expressions, DecisionEngine decisions) {
    this.state = state;
    this.writer = writer;
    this.clock = clock;
    this.expressions = expressions;
    this.decisions = decisions;
    this.incidents = new IncidentBehavior(state, writer, clock);
    this.variables = new VariableBehavior(this);
    this.jobs = new JobBehavior(this);
    this.events = new EventBehavior(this);
    this.timerStarts = new TimerStartEvents(this);
    this.signals = new SignalBehavior(this);
    this.eventScopes = new EventScopeBehavior(this);
    this.errors = new ErrorBehavior(this);
    this.joins = new JoinBehavior(this);
    behaviors.put(ElementType.PROCESS, new ProcessBehavior());
    behaviors.put(ElementType.SUB_PROCESS, new SubProcessBehavior());
    behaviors.put(ElementType.START_EVENT, new StartEventBehavior());
    behaviors.put(ElementType.END_EVENT, new EndEventBehavior());
    behaviors.put(ElementType.SERVICE_TASK, new ServiceTaskBehavior());
    behaviors.put(ElementType.BUSINESS_RULE_TASK, new BusinessRuleTaskBehavior());
    behaviors.put(ElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayBehavior());
    behaviors.put(ElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayBehavior());
    behaviors.put(ElementType.INTERMEDIATE_CATCH_EVENT, new IntermediateCatchEventBehavior());
    behaviors.put(ElementType.INTERMEDIATE_THROW_EVENT, new IntermediateThrowEventBehavior());
    behaviors.put(ElementType.CALL_ACTIVITY, new CallActivityBehavior());
    behaviors.put(ElementType.RECEIVE_TASK, new ReceiveTaskBehavior());
    behaviors.put(ElementType.BOUNDARY_EVENT, new BoundaryEventBehavior());
    behaviors.put(ElementType.EVENT_SUB_PROCESS, new EventSubProcessBehavior());
    behaviors.put(ElementType.PARALLEL_GATEWAY, new ParallelGatewayBehavior());
    behaviors.put(ElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayBehavior());
    behaviors.put(ElementType.SEND_TASK, new ServiceTaskBehavior());
    behaviors.put(ElementType.USER_TASK, new ServiceTaskBehavior());
    behaviors.put(ElementType.SCRIPT_TASK, new ScriptTaskBehavior());
    behaviors.put(ElementType.MANUAL_TASK, new PassThroughTaskBehavior());
    behaviors.put(ElementType.TASK, new PassThroughTaskBehavior());
    behaviors.put(ElementType.MULTI_INSTANCE_BODY, new MultiInstanceBodyBehavior());
  }

  EngineState state() {
    return state;
  }

  EventWriter writer() {
    return writer;
  }

  long now() {
    return clock.millis();
  }

  VariableBehavior variables() {
    return variables;
  }

  JobBehavior jobs() {
    return jobs;
  }

  public IncidentBehavior incidents() {
    return incidents;
  }

  public EventBehavior events() {
    return events;
  }

  public TimerStartEvents timerStarts() {
    return timerStarts;
  }

  public SignalBehavior signals() {
    return signals;
  }

  EventScopeBehavior eventScopes() {
    return eventScopes;
  }

  public ErrorBehavior errors() {
    return errors;
  }

  DecisionEngine decisions() {
    return decisions;
  }

  ExpressionLanguage.Evaluation evaluate(Expression expression, long scopeKey) {
    return expressions.evaluate(expression, state.visibleVariables(scopeKey));
  }

  /** Evaluates in a scope, with {@code extra} variables that shadow the scope's. */
  ExpressionLanguage.Evaluation evaluate(Expression expression, long scopeKey, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(state.visibleVariables(scopeKey));
    variables.putAll(extra);
    return expressions.evaluate(expression, variables);
  }

  ExecutableProcess process(ElementInstance instance) {
    return state.process(instance.processDefinitionKey()).orElseThrow().process();
  }

  /** The catch event {@code elementId} in the process of the element instance that waits for it. */
  ExecutableElement catchEventOf(long elementInstanceKey, String elementId) {
    return process(state.elementInstance(elementInstanceKey).orElseThrow()).element(elementId);
  }

  /** The element an instance runs (a multi-instance body and its inner activity share an id). */
  ExecutableElement elementOf(ElementInstance instance) {
    return process(instance).element(instance.elementId(), instance.elementType());
  }

  /**
   * Creates a process instance with its variables and enters the given start event.
   *
   * @param messageKey the message that started it, or -1
   * @param correlationKey the message's correlation key, or null
   */
  public long createInstance(DeployedProcess process, ExecutableElement startEvent, Map<String, Object> variables, long messageKey, String correlationKey) {
    long key = state.nextKey();
    writer.write(new ElementActivated(key, key, -1, process.key(), process.bpmnProcessId(), ElementType.PROCESS, false, now()));
    variables.forEach((name, value) -> writer.write(new VariableSet(key, key, name, value)));
    if (messageKey >= 0) {
      writer.write(new InstanceStartedByMessage(key, messageKey, process.bpmnProcessId(), correlationKey));
    }
    eventScopes.open(state.elementInstance(key).orElseThrow(), process.process().root());
    work.add(() -> activate(key, startEvent, false, null));
    return key;
  }

  /** Sets variables on a scope from outside (the set-variables API); see {@link VariableBehavior#merge}. */
  public void setVariables(ElementInstance scope, Map<String, Object> variables, boolean local) {
    this.variables.merge(scope, variables, local);
  }

  /** Calls back with the root variables when the instance completes (create with awaitCompletion). */
  public void awaitCompletion(long processInstanceKey, Consumer<Map<String, Object>> callback) {
    completionWaiters.put(processInstanceKey, callback);
  }

  /** Runs queued follow-up steps until none is left. */
  public void drain() {
    Runnable step;
    while ((step = work.poll()) != null) {
      step.run();
    }
  }

  void enqueue(Runnable step) {
    work.add(step);
  }

  /** The job of this element instance was completed. */
  public void onJobCompleted(long elementInstanceKey, Map<String, Object> variables) {
    state.elementInstance(elementInstanceKey).ifPresent(instance -> {
      ExecutableElement element = elementOf(instance);
      behaviors.get(element.type()).onJobCompleted(this, instance, element, variables);
    });
  }

  /**
   * A message or timer occurred for the element instance that waits for it (if it still does): for
   * one of its boundary events or event subprocesses, or for the element itself.
   */
  public void triggerEvent(long elementInstanceKey, EventTrigger trigger) {
    work.add(() -> state.elementInstance(elementInstanceKey).ifPresent(instance -> {
      ExecutableElement element = elementOf(instance);
      ExecutableElement target = process(instance).element(trigger.targetElementId());
      if (eventScopes.waitsFor(element, target)) {
        eventScopes.trigger(instance, target, trigger);
      } else {
        behaviors.get(element.type()).onEventOccurred(this, instance, element, trigger);
      }
    }));
  }

  /**
   * After an incident of the element instance was resolved: runs the step that failed again — its
   * completion (output mappings, then its outgoing flows, or for a link throw event its link catch
   * event), or else its activation.
   */
  public void retryAfterIncident(long elementInstanceKey, boolean completion) {
    work.add(() -> state.elementInstance(elementInstanceKey).ifPresent(instance -> {
      ExecutableElement element = elementOf(instance);
      if (!completion) {
        runActivation(instance, element, null);
      } else if (variables.applyOutputs(instance, element, Map.of())) {
        leave(instance, element);
      }
    }));
  }

  /** Enters {@code element} inside the container instance {@code scope} (not through a flow). */
  void activateIn(ElementInstance scope, ExecutableElement element) {
    work.add(() -> activate(scope.key(), element, false, null));
  }

  /** Enters {@code element} inside {@code scope} at once, because {@code trigger} occurred for it. */
  void activate(ElementInstance scope, ExecutableElement element, EventTrigger trigger) {
    activate(scope.key(), element, false, trigger);
  }

  /**
   * Enters {@code element} inside {@code scope} at once, with these local variables; its behaviour
   * runs as a follow-up step. The instance is active before this returns, so the scope cannot
   * complete in between.
   */
  void activateInWith(ElementInstance scope, ExecutableElement element, Map<String, Object> localVariables) {
    long key = state.nextKey();
    writer.write(new ElementActivated(key, scope.processInstanceKey(), scope.key(), scope.processDefinitionKey(), element.id(), element.type(), false, now()));
    localVariables.forEach((name, value) -> writer.write(new VariableSet(key, scope.processInstanceKey(), name, value)));
    work.add(() -> state.elementInstance(key).ifPresent(instance -> runActivation(instance, element, null)));
  }

  /** Enters a joining gateway whose waiting flows were just consumed. */
  void activateJoined(long flowScopeKey, ExecutableElement gateway) {
    activate(flowScopeKey, gateway, false, null);
  }

  private void enter(long flowScopeKey, ExecutableFlow flow, ExecutableElement target, EventTrigger trigger) {
    if (joins.isJoin(target)) {
      joins.arrive(flowScopeKey, flow, target);
    } else {
      activate(flowScopeKey, target, true, trigger);
    }
  }

  private void activate(long flowScopeKey, ExecutableElement element, boolean viaFlow, EventTrigger trigger) {
    ElementInstance flowScope = state.elementInstance(flowScopeKey).orElse(null);
    // A taken flow with no pending count left was discarded (terminate end event, interrupting event subprocess).
    if (flowScope == null || (viaFlow && flowScope.pendingFlows() == 0)) {
      return;
    }
    long key = state.nextKey();
    writer.write(new ElementActivated(key, flowScope.processInstanceKey(), flowScopeKey, flowScope.processDefinitionKey(), element.id(), element.type(), viaFlow, now()));
    runActivation(state.elementInstance(key).orElseThrow(), element, trigger);
  }

  /**
   * Runs an entered element's activation, then opens what it listens for while active (its
   * boundary events, the starts of its event subprocesses) unless the activation ended it or
   * raised an incident: every way into an element (a flow, a container, a multi-instance
   * body, a resolved incident) goes through here.
   */
  private void runActivation(ElementInstance instance, ExecutableElement element, EventTrigger trigger) {
    behaviors.get(element.type()).onActivate(this, instance, element, trigger);
    eventScopes.open(instance, element);
  }

  /**
   * Completes an element and takes the given flows; an element that takes none ends its path, and
   * the last path to end completes its container (process or subprocess). The container hears of
   * it first (a multi-instance body collects the output) and may stop the completion with an
   * incident.
   */
  void complete(ElementInstance instance, List<ExecutableFlow> flows, EventTrigger trigger) {
    ElementInstance flowScope = state.elementInstance(instance.flowScopeKey()).orElse(null);
    if (flowScope != null && !behaviors.get(flowScope.elementType()).onChildCompleting(this, flowScope, elementOf(flowScope), instance)) {
      return;
    }
    events.closeAll(instance);
    writer.write(new ElementCompleted(instance.key(), now()));
    joins.elementLeft(instance.flowScopeKey());
    if (flows.isEmpty()) {
      completeScopeIfDone(instance.flowScopeKey());
      return;
    }
    ExecutableProcess process = process(instance);
    for (ExecutableFlow flow : flows) {
      writer.write(new SequenceFlowTaken(instance.processInstanceKey(), instance.flowScopeKey(), flow.id(), flow.targetId()));
      ExecutableElement target = process.element(flow.targetId());
      work.add(() -> enter(instance.flowScopeKey(), flow, target, trigger));
    }
  }

  /**
   * Completes an element whose work is done: a link throw event enters its link catch event in the
   * same scope, as a sequence flow between them would (the catch event is active first, so the
   * scope cannot complete in between); any other element takes its outgoing flows.
   */
  void leave(ElementInstance instance, ExecutableElement element) {
    if (element.linkTarget() == null) {
      complete(instance, element.outgoing(), null);
      return;
    }
    activateInWith(state.elementInstance(instance.flowScopeKey()).orElseThrow(), element.linkTarget(), Map.of());
    complete(instance, List.of(), null);
  }

  /** Drops the flows taken in the scope whose targets were not entered yet: its regular flow ended. */
  void discardTakenFlows(ElementInstance scope) {
    if (scope.pendingFlows() > 0) {
      writer.write(new TakenFlowsDiscarded(scope.key()));
    }
  }

  /** Completes the container once nothing is active in it and no taken flow waits to enter. */
  void completeScopeIfDone(long scopeKey) {
    state.elementInstance(scopeKey)
        .filter(scope -> !state.hasActiveChildren(scope.key()) && scope.pendingFlows() == 0)
        .ifPresent(scope -> {
          ExecutableElement element = elementOf(scope);
          behaviors.get(element.type()).onChildrenCompleted(this, scope, element);
        });
  }

  /**
   * Terminates an element instance and everything inside it, innermost first: what each element
   * holds (subscriptions, timers, its job, its incidents) is released before it is terminated.
   */
  public void terminate(ElementInstance instance) {
    for (long child : state.childrenOf(instance.key())) {
      state.elementInstance(child).ifPresent(this::terminate);
    }
    ExecutableElement element = elementOf(instance);
    behaviors.get(element.type()).onTerminate(this, instance, element);
    events.closeAll(instance);
    if (instance.jobKey() >= 0) {
      writer.write(new JobCanceled(instance.jobKey()));
    }
    for (long incident : state.incidentsOf(instance.key())) {
      writer.write(new IncidentResolved(incident));
    }
    String startCorrelationKey = state.messageStartCorrelationKey(instance.key()).orElse(null);
    writer.write(new ElementTerminated(instance.key(), now()));
    if (instance.elementType() == ElementType.PROCESS) {
      processEnded(instance.key(), startCorrelationKey, null);
    }
  }

  void completeProcess(ElementInstance processInstance) {
    long key = processInstance.key();
    Map<String, Object> result = state.visibleVariables(key);
    String startCorrelationKey = state.messageStartCorrelationKey(key).orElse(null);
    OptionalLong caller = state.callingElementInstance(key);
    events.closeAll(processInstance);
    writer.write(new ElementCompleted(key, now()));
    processEnded(key, startCorrelationKey, result);
    caller.ifPresent(callActivity -> calledInstanceCompleted(callActivity, result));
  }

  /** A process instance that a call activity created completed: the call activity continues. */
  private void calledInstanceCompleted(long callActivityKey, Map<String, Object> variables) {
    work.add(() -> state.elementInstance(callActivityKey).ifPresent(instance -> {
      ExecutableElement element = elementOf(instance);
      behaviors.get(element.type()).onCalledInstanceCompleted(this, instance, element, variables);
    }));
  }

  /**
   * After a process instance ended: answer a creation that awaited its completion ({@code result}
   * is null when it was terminated), and let a buffered message start the next instance.
   */
  private void processEnded(long processInstanceKey, String startCorrelationKey, Map<String, Object> result) {
    Consumer<Map<String, Object>> waiter = completionWaiters.remove(processInstanceKey);
    if (waiter != null && result != null) {
      waiter.accept(result);
    }
    if (startCorrelationKey != null) {
      events.startByBufferedMessage(state.instance(processInstanceKey).orElseThrow().bpmnProcessId(), startCorrelationKey);
    }
  }
}
