package dev.switchyard.engine.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * A service that embeds {@link LiveRouter} needs the engine jar and Jackson only: nothing the
 * router reaches, however indirectly, touches the CLI (picocli), the workspace store (sqlite,
 * JDBC), the importers or the simulator.
 */
class LiveRouterDependenciesTest {
    @Test
    void liveRouterReachesNeitherCliNorStoreNorImportersNorSimulator() {
        JavaClasses engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchyard.engine");
        noClasses().that().haveNameMatching(java.util.regex.Pattern.quote(LiveRouter.class.getName()) + "(\\$.*)?")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("picocli..", "org.sqlite..", "java.sql..",
                        "dev.switchyard.engine.cli..", "dev.switchyard.engine.workspace..",
                        "dev.switchyard.engine.traffic.importer..", "dev.switchyard.engine.pricing.importer..",
                        "dev.switchyard.engine.sim..", "dev.switchyard.engine.replay..")
                .because("an embedding service gets the engine jar and Jackson, not the CLI's or the importers' dependencies")
                .check(engine);
    }
}
