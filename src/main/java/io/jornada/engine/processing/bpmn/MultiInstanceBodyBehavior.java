package io.jornada.engine.processing.bpmn;

import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.event.MultiInstanceEvents.MultiInstanceProgressed;
import io.jornada.engine.model.ExecutableElement;
import io.jornada.engine.model.ExecutableElement.MultiInstance;
import io.jornada.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multi-instance body: the container that runs its inner activity once per element of the input
 * collection, all at once (parallel) or one after another (sequential). Each inner instance gets
 * the local variables {@code loopCounter} (from 1) and the input element; the output element of
 * each is stored at its index in the output collection, a local variable of the body that
 * propagates when the body completes. The completion condition, checked whenever an inner
 * instance completes, ends the body early and terminates the inner instances still active.
 */
final class MultiInstanceBodyBehavior implements BpmnElementBehavior {

  private static final String LOOP_COUNTER = "loopCounter";

  /** An output element that only reads a variable (or a property of one): that variable is made local to each inner instance. */
  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("=\\s*([A-Za-z_][A-Za-z0-9_]*)(\\.[A-Za-z_][A-Za-z0-9_]*)*\\s*");

  @Override
  public void onActivate(BpmnBehaviors bpmn, ElementInstance body, ExecutableElement element, EventTrigger trigger) {
    MultiInstance loop = element.multiInstance();
    List<?> items = inputCollection(bpmn, body, loop);
    if (items == null) {
      return;
    }
    bpmn.writer().write(new MultiInstanceProgressed(body.key(), items.size(), 0));
    if (loop.outputCollection() != null) {
      bpmn.writer().write(new VariableSet(body.key(), body.processInstanceKey(), loop.outputCollection(), new ArrayList<>(Collections.nCopies(items.size(), null))));
    }
    if (items.isEmpty()) {
      completeBody(bpmn, body, element);
      return;
    }
    int parallel = loop.sequential() ? 1 : items.size();
    for (int index = 0; index < parallel; index++) {
      activateInner(bpmn, body, element, items, index);
    }
  }

  @Override
  public boolean onChildCompleting(BpmnBehaviors bpmn, ElementInstance body, ExecutableElement element, ElementInstance child) {
    MultiInstance loop = element.multiInstance();
    int loopCounter = ((Number) bpmn.state().localVariables(child.key()).get(LOOP_COUNTER)).intValue();
    if (loop.outputCollection() != null && !collectOutput(bpmn, body, loop, child, loopCounter)) {
      return false;
    }
    int completed = body.numberOfCompletedInstances() + 1;
    Boolean conditionMet = completionConditionMet(bpmn, body, loop, child, completed);
    if (conditionMet == null) {
      return false;
    }
    bpmn.writer().write(new MultiInstanceProgressed(body.key(), body.numberOfInstances(), completed));
    if (conditionMet) {
      for (long other : bpmn.state().childrenOf(body.key())) {
        if (other != child.key()) {
          bpmn.state().elementInstance(other).ifPresent(bpmn::terminate);
        }
      }
    } else if (loop.sequential() && loopCounter < body.numberOfInstances()) {
      List<?> items = inputCollection(bpmn, body, loop);
      if (items == null) {
        return false;
      }
      activateInner(bpmn, body, element, items, loopCounter);
    }
    return true;
  }

  @Override
  public void onChildrenCompleted(BpmnBehaviors bpmn, ElementInstance body, ExecutableElement element) {
    completeBody(bpmn, body, element);
  }

  private static void completeBody(BpmnBehaviors bpmn, ElementInstance body, ExecutableElement element) {
    String outputCollection = element.multiInstance().outputCollection();
    if (outputCollection != null) {
      bpmn.variables().propagateOut(body, outputCollection, bpmn.state().localVariables(body.key()).get(outputCollection));
    }
    bpmn.complete(body, element.outgoing(), null);
  }

  /** The input collection as a list; null (and an incident) if it cannot be evaluated or is not a list. */
  private static List<?> inputCollection(BpmnBehaviors bpmn, ElementInstance body, MultiInstance loop) {
    var collection = bpmn.evaluate(loop.inputCollection(), body.key());
    if (collection.isFailure()) {
      bpmn.incidents().raise(body, "EXTRACT_VALUE_ERROR", collection.failure());
      return null;
    }
    if (!(collection.value() instanceof List<?> items)) {
      bpmn.incidents().raise(body, "EXTRACT_VALUE_ERROR",
          "Expected the input collection '" + loop.inputCollection() + "' to be an array, but it was '" + collection.value() + "'");
      return null;
    }
    return items;
  }

  private static void activateInner(BpmnBehaviors bpmn, ElementInstance body, ExecutableElement element, List<?> items, int index) {
    MultiInstance loop = element.multiInstance();
    Map<String, Object> locals = new LinkedHashMap<>();
    locals.put(LOOP_COUNTER, (long) index + 1);
    if (loop.inputElement() != null) {
      locals.put(loop.inputElement(), items.get(index));
    }
    if (loop.outputElement() != null) {
      Matcher reference = VARIABLE_REFERENCE.matcher(loop.outputElement().text());
      if (reference.matches()) {
        locals.putIfAbsent(reference.group(1), null);
      }
    }
    bpmn.activateInWith(body, element.innerActivity(), locals);
  }

  private static boolean collectOutput(BpmnBehaviors bpmn, ElementInstance body, MultiInstance loop, ElementInstance child, int loopCounter) {
    Object value = null;
    if (loop.outputElement() != null) {
      var output = bpmn.evaluate(loop.outputElement(), child.key());
      if (output.isFailure()) {
        bpmn.incidents().raise(child, "EXTRACT_VALUE_ERROR", output.failure());
        return false;
      }
      value = output.value();
    }
    List<Object> collected = new ArrayList<>((List<?>) bpmn.state().localVariables(body.key()).get(loop.outputCollection()));
    collected.set(loopCounter - 1, value);
    bpmn.writer().write(new VariableSet(body.key(), body.processInstanceKey(), loop.outputCollection(), collected));
    return true;
  }

  /**
   * Evaluates the completion condition in the completing instance's scope, with the body's
   * {@code numberOfInstances}, {@code numberOfCompletedInstances}, {@code numberOfActiveInstances}
   * and {@code numberOfTerminatedInstances} (always 0 here: an inner instance is only terminated
   * together with its body); null after raising an incident.
   */
  private static Boolean completionConditionMet(BpmnBehaviors bpmn, ElementInstance body, MultiInstance loop, ElementInstance child, int completed) {
    if (loop.completionCondition() == null) {
      return false;
    }
    Map<String, Object> counters = Map.of(
        "numberOfInstances", (long) body.numberOfInstances(),
        "numberOfCompletedInstances", (long) completed,
        "numberOfActiveInstances", (long) bpmn.state().childrenOf(body.key()).size() - 1,
        "numberOfTerminatedInstances", 0L);
    var condition = bpmn.evaluate(loop.completionCondition(), child.key(), counters);
    if (condition.isFailure() || !(condition.value() instanceof Boolean met)) {
      bpmn.incidents().raise(child, "EXTRACT_VALUE_ERROR", condition.isFailure() ? condition.failure()
          : "Expected the completion condition '" + loop.completionCondition() + "' to be a boolean, but it was '" + condition.value() + "'");
      return null;
    }
    return met;
  }
}
