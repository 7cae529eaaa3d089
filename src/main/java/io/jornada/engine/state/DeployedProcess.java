package io.jornada.engine.state;

import io.jornada.engine.model.ExecutableProcess;

/** A deployed process definition version. */
public record DeployedProcess(
    long key, String bpmnProcessId, int version, String resourceName, long deploymentKey, byte[] xml, ExecutableProcess process) {}
