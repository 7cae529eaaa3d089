package io.jornada.conformance;

import io.camunda.client.CamundaClient;

/** What the conformance tests of gateways, tasks and multi-instance read about an instance, through the client only. */
final class InstanceProbe {

  private InstanceProbe() {}

  /** Whether the process instance has an open incident (the search's {@code hasIncident}). */
  static boolean hasIncident(CamundaClient client, long processInstanceKey) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join()
        .items().get(0).getHasIncident();
  }
}
