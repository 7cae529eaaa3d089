package io.jornada.engine.state;

import io.jornada.engine.decision.DecisionEngine;

/** A deployed decision and the decision requirements graph (DMN resource) it belongs to. */
public record DeployedDecision(
    long key,
    String decisionId,
    String name,
    int version,
    long decisionRequirementsKey,
    String decisionRequirementsId,
    DecisionEngine.Parsed resource) {}
