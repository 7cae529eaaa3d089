package io.jornada.gateway;

import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/topology}: one broker, one healthy partition, led here. */
@RestController
@ConditionalOnEmbeddedEngine
class TopologyController {

  static final String VERSION = "8.8.0-jornada";

  private final int port;

  TopologyController(@Value("${server.port:8080}") int port) {
    this.port = port;
  }

  @GetMapping("/v2/topology")
  TopologyResponse topology() {
    var partition = new Partition().partitionId(1).role(Partition.RoleEnum.LEADER).health(Partition.HealthEnum.HEALTHY);
    var broker = new BrokerInfo().nodeId(0).host("127.0.0.1").port(port).version(VERSION).partitions(List.of(partition));
    return new TopologyResponse().brokers(List.of(broker)).clusterSize(1).partitionsCount(1).replicationFactor(1).gatewayVersion(VERSION);
  }
}
