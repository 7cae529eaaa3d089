package io.jornada.gateway;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers shared by the gateway tests: a client over HTTP, unique names and a small DMN table. */
final class EngineTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private EngineTestSupport() {}

  static CamundaClient client(int port) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + port))
        .preferRestOverGrpc(true)
        .build();
  }

  /** A name no other test uses, so tests sharing one engine never see each other's jobs or instances. */
  static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
  }

  static long deploy(CamundaClient client, BpmnModelInstance model) {
    return client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join()
        .getProcesses().get(0).getProcessDefinitionKey();
  }

  /** A decision {@code decisionId} that answers {@code approved = amount < 100}. */
  static byte[] approvalDecision(String decisionId) {
    return ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drg-%1$s" name="Approval %1$s"
                     namespace="http://jornada.io/dmn">
          <decision id="%1$s" name="Approve %1$s">
            <decisionTable id="table-%1$s" hitPolicy="FIRST">
              <input id="input-amount" label="Amount">
                <inputExpression id="expr-amount" typeRef="number"><text>amount</text></inputExpression>
              </input>
              <output id="output-approved" name="approved" typeRef="boolean"/>
              <rule id="rule-small">
                <inputEntry id="in-small"><text>&lt; 100</text></inputEntry>
                <outputEntry id="out-small"><text>true</text></outputEntry>
              </rule>
              <rule id="rule-large">
                <inputEntry id="in-large"><text>&gt;= 100</text></inputEntry>
                <outputEntry id="out-large"><text>false</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """).formatted(decisionId).getBytes(StandardCharsets.UTF_8);
  }
}
