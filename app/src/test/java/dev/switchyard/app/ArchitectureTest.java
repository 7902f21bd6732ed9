package dev.switchyard.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering as the guide sets it: the engine knows nothing of the app or JavaFX; in the app, views
 * talk to view models, view models to the engine, and only view models (never views) may touch
 * the workspace store; view models never hold a scene-graph node.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.switchyard");
    }

    @Test
    void engineNeverDependsOnTheAppOrJavaFx() {
        noClasses().that().resideInAPackage("dev.switchyard.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchyard.app..", "javafx..", "org.controlsfx..",
                        "atlantafx..")
                .check(classes);
    }

    @Test
    void viewModelsNeverReferenceNodes() {
        noClasses().that().resideInAPackage("dev.switchyard.app..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..",
                        "atlantafx..")
                .check(classes);
    }

    @Test
    void viewsNeverTouchTheWorkspaceStore() {
        noClasses().that().resideInAPackage("dev.switchyard.app..")
                .and().haveSimpleNameNotEndingWith("ViewModel")
                .and().resideOutsideOfPackage("dev.switchyard.app.shell..")
                .should().dependOnClassesThat().resideInAPackage("dev.switchyard.engine.workspace..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("dev.switchyard.app..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().resideInAPackage("dev.switchyard.engine.workspace..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewsGoThroughViewModelsNotTheSimulator() {
        noClasses().that().resideInAPackage("dev.switchyard.app..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchyard.engine.sim..", "dev.switchyard.engine.routing..",
                        "dev.switchyard.engine.traffic.importer..", "dev.switchyard.engine.pricing.importer..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewModelsDoNotDependOnViews() {
        noClasses().that().resideInAPackage("dev.switchyard.app..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .check(classes);
    }
}
