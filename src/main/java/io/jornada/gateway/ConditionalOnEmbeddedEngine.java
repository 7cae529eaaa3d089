package io.jornada.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Active unless {@code jornada.engine.embedded=false}, i.e. when Jornada runs its own engine. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "jornada.engine.embedded", havingValue = "true", matchIfMissing = true)
@interface ConditionalOnEmbeddedEngine {}
