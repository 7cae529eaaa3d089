package io.jornada.scoring;

import java.time.Instant;

/**
 * One labelled row: the lead's feature vector ({@link LeadFeatures#NAMES} order) as it was at
 * {@code observedAt}, and whether it converted. The time-based split sorts by {@code observedAt},
 * then by {@code id}.
 */
record TrainingExample(String id, float[] features, Instant observedAt, boolean converted) {}
