package io.jornada.scoring;

import io.jornada.lead.LeadProfile;

/** A lead as it was at training time, and whether it converted. */
record TrainingExample(LeadProfile profile, boolean converted) {}
