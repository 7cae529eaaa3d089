/**
 * Job workers: one class per BPMN task type, thin adapters between job variables and one domain
 * call (lead state, scorer, channels, sales queue). They hold no business logic; the variable
 * contract of each task type is also published as a Modeler element template in {@code workers/}.
 */
package io.jornada.workers;
