package io.jornada.gateway.history;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

/** The names a deployed BPMN resource gives its process and elements (the engine keeps only ids). */
record BpmnNames(String processName, Map<String, String> elementNames) {

  static BpmnNames of(byte[] xml, String processId) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    Map<String, String> names = new HashMap<>();
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element.getName() != null) {
        names.put(element.getId(), element.getName());
      }
    }
    Process process = model.getModelElementById(processId);
    return new BpmnNames(process == null ? null : process.getName(), Map.copyOf(names));
  }
}
