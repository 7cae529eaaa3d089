package io.jornada.engine.event;

/**
 * A fact the engine recorded. Events are the single source of truth: state is what you get by
 * applying them in order, and replaying them rebuilds it. Events are immutable; to change how one
 * applies, add a new event (or applier version) rather than edit an old one.
 */
public sealed interface EngineEvent
    permits DeploymentEvents.ProcessDeployed,
        DeploymentEvents.DecisionsDeployed,
        ElementEvents.ElementActivated,
        ElementEvents.ElementCompleted,
        ElementEvents.ElementTerminated,
        ElementEvents.SequenceFlowTaken,
        ElementEvents.VariableSet,
        ElementEvents.TakenFlowsDiscarded,
        JobEvents.JobCreated,
        JobEvents.JobActivated,
        JobEvents.JobCompleted,
        JobEvents.JobFailed,
        JobEvents.JobRecurred,
        JobEvents.JobTimedOut,
        JobEvents.JobCanceled,
        JobEvents.JobErrorThrown,
        TimerEvents.TimerCreated,
        TimerEvents.TimerTriggered,
        TimerEvents.TimerCanceled,
        MessageEvents.MessagePublished,
        MessageEvents.MessageExpired,
        MessageEvents.SubscriptionOpened,
        MessageEvents.SubscriptionCorrelated,
        MessageEvents.SubscriptionClosed,
        MessageEvents.InstanceStartedByMessage,
        IncidentEvents.IncidentCreated,
        IncidentEvents.IncidentResolved,
        DeploymentEvents.DecisionEvaluated,
        SnapshotEvents.MessageSpent,
        SnapshotEvents.KeysIssued,
        CallActivityEvents.ProcessInstanceCalled,
        GatewayEvents.SequenceFlowWaiting,
        GatewayEvents.SequenceFlowsJoined,
        MultiInstanceEvents.MultiInstanceProgressed {}
