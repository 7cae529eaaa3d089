package io.jornada;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is plain Java on its own; the gateway only adapts it to HTTP; everything else reaches
 * the engine only through the Camunda client.
 */
@AnalyzeClasses(packages = "io.jornada", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule engineShouldDependOnNoOtherJornadaPackage = noClasses()
      .that().resideInAPackage("io.jornada.engine..")
      .should().dependOnClassesThat(resideInAPackage("io.jornada..").and(not(resideInAPackage("io.jornada.engine.."))))
      .as("classes in io.jornada.engine.. should depend on no other io.jornada package");

  @ArchTest
  static final ArchRule engineShouldNotDependOnSpring = noClasses()
      .that().resideInAPackage("io.jornada.engine..")
      .should().dependOnClassesThat().resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule gatewayShouldDependOnlyOnEngine = noClasses()
      .that().resideInAPackage("io.jornada.gateway..")
      .should().dependOnClassesThat(resideInAPackage("io.jornada..")
          .and(not(resideInAnyPackage("io.jornada.engine..", "io.jornada.gateway.."))))
      .as("classes in io.jornada.gateway.. should depend on no io.jornada package but engine and gateway");

  @ArchTest
  static final ArchRule onlyGatewayShouldUseEngineAndGateway = noClasses()
      .that().resideOutsideOfPackages("io.jornada.engine..", "io.jornada.gateway..", "io.jornada.bench..")
      .should().dependOnClassesThat().resideInAnyPackage("io.jornada.engine..", "io.jornada.gateway..")
      .as("no class outside engine and gateway should depend on them (journeys use the Camunda client)");

  @ArchTest
  static final ArchRule leadShouldNotDependOnScoring = noClasses()
      .that().resideInAPackage("io.jornada.lead..")
      .should().dependOnClassesThat().resideInAPackage("io.jornada.scoring..")
      .as("lead should not depend on scoring (scoring listens to lead events through LeadEventListener)");

  @ArchTest
  static final ArchRule onlyJourneyAndWorkersShouldUseTheCamundaClient = noClasses()
      .that().resideInAnyPackage("io.jornada.lead..", "io.jornada.scoring..", "io.jornada.channel..")
      .should().dependOnClassesThat().resideInAPackage("io.camunda..")
      .as("domain packages know nothing of Camunda; journey and workers adapt them");

  /** The benchmark times journeys on the engine's exporter stream; it drives nothing through it. */
  @ArchTest
  static final ArchRule benchShouldOnlyListenToTheEngine = noClasses()
      .that().resideInAPackage("io.jornada.bench..")
      .should().dependOnClassesThat(resideInAPackage("io.jornada.engine..")
          .and(not(resideInAnyPackage("io.jornada.engine.event..")))
          .and(not(describe("Engine or EngineListener",
              c -> c.getName().equals("io.jornada.engine.Engine") || c.getName().equals("io.jornada.engine.EngineListener")))))
      .as("io.jornada.bench may only listen to the engine's events");
}
