package io.jornada.engine.processing;

import io.jornada.engine.event.ElementEvents.VariableSet;
import io.jornada.engine.state.Job;
import java.util.Map;

/** Variables sent with a job failure or a thrown error stay local to the task, as in Zeebe. */
final class TaskVariables {

  private TaskVariables() {}

  static void setLocal(EventWriter writer, Job job, Map<String, Object> variables) {
    if (variables != null) {
      variables.forEach((name, value) ->
          writer.write(new VariableSet(job.elementInstanceKey(), job.processInstanceKey(), name, value)));
    }
  }
}
