package io.jornada.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error events: docs.camunda.io/docs/components/modeler/bpmn/error-events/ (8.8). */
class ErrorEventConformanceTest extends EventConformanceTest {

  /**
   * "An error can be caught using an error boundary event ... the service task gets terminated and
   * the boundary event ... gets activated": a job worker throws the error with the throw error command.
   */
  @Test
  void aJobErrorIsCaughtByABoundaryEventWithTheSameCode() {
    String processId = unique("error-job");
    String task = unique("task");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("noStock", b -> b.error("NO_STOCK")).serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(task);

    client.newThrowErrorCommand(job).errorCode("NO_STOCK").errorMessage("out of stock").send().join();
    complete(activate(handle), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
  }

  /**
   * Error events docs: "If the error is thrown in a child process instance (call activity) and not
   * caught there, it is propagated to the parent process instance"; the catching boundary event
   * of the call activity terminates the child instance.
   */
  @Test
  void anErrorUncaughtInACalledProcessIsCaughtAtTheCallActivity() {
    String childId = unique("error-child");
    String task = unique("task");
    deploy(Bpmn.createExecutableProcess(childId).startEvent().serviceTask("task", t -> t.zeebeJobType(task)).endEvent().done());
    String parentId = unique("error-parent");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(childId))
        .boundaryEvent("rejected", b -> b.error("REJECTED")).endEvent("handled")
        .moveToActivity("call").endEvent().done());
    long parent = start(parentId, Map.of());
    ActivatedJob job = activate(task);

    client.newThrowErrorCommand(job).errorCode("REJECTED").send().join();

    awaitState(parent, ProcessInstanceState.COMPLETED);
    assertThat(state(job.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.TERMINATED);
  }

  /** An error event subprocess of a called process catches there: the parent does not see the error. */
  @Test
  void anErrorEventSubprocessOfACalledProcessCatchesBeforeTheParent() {
    String childId = unique("error-child-esp");
    String task = unique("task");
    deploy(Bpmn.createExecutableProcess(childId)
        .eventSubProcess("onError", e -> e.startEvent("caught").error("REJECTED").endEvent())
        .startEvent().serviceTask("task", t -> t.zeebeJobType(task)).endEvent().done());
    String parentId = unique("error-parent-esp");
    String after = unique("after");
    deploy(Bpmn.createExecutableProcess(parentId).startEvent()
        .callActivity("call", c -> c.zeebeProcessId(childId))
        .boundaryEvent("rejected", b -> b.error("REJECTED")).endEvent("handledByParent")
        .moveToActivity("call").serviceTask("after", t -> t.zeebeJobType(after)).endEvent().done());
    long parent = start(parentId, Map.of());
    ActivatedJob job = activate(task);

    client.newThrowErrorCommand(job).errorCode("REJECTED").send().join();
    complete(activate(after), Map.of());

    awaitState(parent, ProcessInstanceState.COMPLETED);
    assertThat(state(job.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  /** "An error can be thrown within the process using an error end event"; a boundary event on the enclosing subprocess catches it. */
  @Test
  void anErrorEndEventIsCaughtByABoundaryEventOfItsSubprocess() {
    String processId = unique("error-end");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().endEvent("fail", e -> e.error("REJECTED")).subProcessDone()
        .boundaryEvent("rejected", b -> b.error("REJECTED")).serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("sub").endEvent().done());
    long instance = start(processId, Map.of());

    complete(activate(handle), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /**
   * "If the task has no boundary event or the error code does not match then the error is
   * propagated to the parent or root scope": a catch with another code is passed over.
   */
  @Test
  void anErrorPropagatesOutwardPastCatchEventsWithOtherCodes() {
    String processId = unique("error-outward");
    String task = unique("task");
    String outer = unique("outer");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("outerSub").embeddedSubProcess().startEvent()
        .subProcess("innerSub").embeddedSubProcess().startEvent().serviceTask("task", t -> t.zeebeJobType(task)).endEvent().subProcessDone()
        .boundaryEvent("otherCode", b -> b.error("OTHER")).endEvent("other")
        .moveToActivity("innerSub").endEvent()
        .subProcessDone()
        .boundaryEvent("caught", b -> b.error("FRAUD")).serviceTask("outer", t -> t.zeebeJobType(outer)).endEvent()
        .moveToActivity("outerSub").endEvent().done());
    long instance = start(processId, Map.of());

    client.newThrowErrorCommand(activate(task)).errorCode("FRAUD").send().join();
    complete(activate(outer), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** "An error catch event may omit the error reference all together. In this case it catches all thrown errors." */
  @Test
  void aCatchEventWithoutErrorCodeCatchesAnyError() {
    String processId = unique("error-catch-all");
    String task = unique("task");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("any", b -> b.error()).serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of());

    client.newThrowErrorCommand(activate(task)).errorCode("WHATEVER").send().join();
    complete(activate(handle), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
  }

  /** Error events: a catch event with the matching error code takes precedence over a catch-all one in the same scope. */
  @Test
  void aMatchingErrorCodeWinsOverACatchAll() {
    String processId = unique("error-specific");
    String task = unique("task");
    String generic = unique("generic");
    String specific = unique("specific");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("any", b -> b.error()).serviceTask("generic", t -> t.zeebeJobType(generic)).endEvent()
        .moveToActivity("task")
        .boundaryEvent("bounced", b -> b.error("BOUNCED")).serviceTask("specific", t -> t.zeebeJobType(specific)).endEvent()
        .moveToActivity("task").endEvent().done());
    start(processId, Map.of());

    client.newThrowErrorCommand(activate(task)).errorCode("BOUNCED").send().join();

    assertThat(activate(specific)).isNotNull();
    assertThat(activateAll(generic, 1)).isEmpty();
  }

  /** "An error can be caught using an error boundary event or an error event subprocess": the event subprocess of the process catches it. */
  @Test
  void anErrorEventSubprocessCatchesAnErrorOfItsScope() {
    String processId = unique("error-esp");
    String task = unique("task");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId)
        .eventSubProcess("onError", e -> e.startEvent("errorStart").error("FAILED").serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent())
        .startEvent().serviceTask("task", t -> t.zeebeJobType(task)).endEvent().done());
    long instance = start(processId, Map.of());
    ActivatedJob job = activate(task);

    client.newThrowErrorCommand(job).errorCode("FAILED").send().join();
    complete(activate(handle), Map.of());

    awaitState(instance, ProcessInstanceState.COMPLETED);
    assertThat(catchThrowableOfType(ProblemException.class, () -> complete(job, Map.of())).code()).isEqualTo(404);
  }

  /** "An error is caught by the first event in the scope hierarchy that matches the error code": the task's own boundary event before the process's event subprocess. */
  @Test
  void theInnermostMatchingCatchEventWins() {
    String processId = unique("error-innermost");
    String task = unique("task");
    String handle = unique("handle");
    String global = unique("global");
    deploy(Bpmn.createExecutableProcess(processId)
        .eventSubProcess("onError", e -> e.startEvent("errorStart").error("FAILED").serviceTask("global", t -> t.zeebeJobType(global)).endEvent())
        .startEvent().serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("local", b -> b.error("FAILED")).serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("task").endEvent().done());
    start(processId, Map.of());

    client.newThrowErrorCommand(activate(task)).errorCode("FAILED").send().join();

    assertThat(activate(handle)).isNotNull();
    assertThat(activateAll(global, 1)).isEmpty();
  }

  /**
   * Incidents (components/concepts/incidents/): an incident is created when "a BPMN error is thrown
   * and not caught by an error boundary event or error event subprocess"; the instance stays active.
   */
  @Test
  void anUncaughtJobErrorRaisesAnIncident() {
    String processId = unique("error-unhandled");
    String task = unique("task");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("other", b -> b.error("OTHER")).endEvent("handled")
        .moveToActivity("task").endEvent().done());
    long instance = start(processId, Map.of());

    client.newThrowErrorCommand(activate(task)).errorCode("UNKNOWN").send().join();

    awaitIncident(instance);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /** An error thrown by an error end event that nothing catches also raises an incident. */
  @Test
  void anUncaughtErrorEndEventRaisesAnIncident() {
    String processId = unique("error-end-unhandled");
    deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent("fail", e -> e.error("NOBODY")).done());

    long instance = start(processId, Map.of());

    awaitIncident(instance);
    assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
  }

  /**
   * Throw error request: "variables: JSON object that will instantiate the variables at the local
   * scope of the error catch event that catches the thrown error" — its output mappings take them
   * into the process; unmapped ones stay local.
   */
  @Test
  void theErrorsVariablesAreLocalToTheCatchEvent() {
    String processId = unique("error-vars");
    String task = unique("task");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(task))
        .boundaryEvent("caught", b -> b.error("INVALID").zeebeOutputExpression("reason", "rejectionReason"))
        .serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("task").endEvent().done());
    start(processId, Map.of());

    client.newThrowErrorCommand(activate(task)).errorCode("INVALID").variables(Map.of("reason", "bad email", "attempt", 2)).send().join();
    ActivatedJob handler = activate(handle);

    assertThat(handler.getVariablesAsMap()).containsEntry("rejectionReason", "bad email").doesNotContainKeys("reason", "attempt");
  }

  /** "For error throw events, it is possible to define the errorCode as an expression ... evaluated once the event is reached." */
  @Test
  void anErrorEndEventMayComputeItsErrorCode() {
    String processId = unique("error-expression");
    String handle = unique("handle");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .subProcess("sub").embeddedSubProcess().startEvent().endEvent("fail", e -> e.errorExpression("\"LEAD_\" + status")).subProcessDone()
        .boundaryEvent("lost", b -> b.error("LEAD_LOST")).serviceTask("handle", t -> t.zeebeJobType(handle)).endEvent()
        .moveToActivity("sub").endEvent().done());

    start(processId, Map.of("status", "LOST"));

    assertThat(activate(handle)).isNotNull();
  }

  /** Deployment: escalation events are not executed here and are rejected naming the element, its type and the reason. */
  @Test
  void anEscalationEndEventIsRejectedAtDeployment() {
    String processId = unique("escalation");
    var model = Bpmn.createExecutableProcess(processId).startEvent().endEvent("escalate", e -> e.escalation("ESC")).done();

    var problem = catchThrowableOfType(ProblemException.class, () -> deploy(model));

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("escalate").contains("endEvent").contains("not supported");
  }
}
