package dev.switchyard.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering rules of the engine, checked on the compiled classes. */
class EngineArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchyard.engine");
    }

    @Test
    void engineKnowsNothingOfJavaFxOrTheApp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.switchyard.app..")
                .because("the engine is pure Java; the app builds on it, never the other way round")
                .check(engine);
    }

    @Test
    void jdbcStaysInsideTheWorkspaceStore() {
        noClasses().that().resideOutsideOfPackage("dev.switchyard.engine.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
                .because("JDBC is confined to the workspace store")
                .allowEmptyShould(true)
                .check(engine);
    }

    @Test
    void noUnseededRandomness() {
        noClasses().should().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .because("a run is fully defined by its scenario and seed: every generator is seeded and passed explicitly")
                .check(engine);
    }
}
