package io.jornada.scoring;

import ml.dmlc.xgboost4j.java.Booster;

/** A model read back from the registry, already checked against {@link LeadFeatures}. */
record LoadedModel(ModelMetadata metadata, Booster booster) {}
