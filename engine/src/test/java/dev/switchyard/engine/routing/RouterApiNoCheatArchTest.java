package dev.switchyard.engine.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Structural no-cheat: nothing in the routing packages can reach the hidden truth. The traffic
 * sample (scores), the cost table (realised costs of every cell) and the simulator are off limits
 * to every routing class; the oracle's truth types are off limits to everything but the oracles
 * and the registry that hands the evaluation pool through to them.
 */
class RouterApiNoCheatArchTest {
    private static final JavaClasses ROUTING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchyard.engine.routing");

    @Test
    void routingNeverTouchesTheScoreMatrixOrTheSimulator() {
        noClasses().that().resideInAPackage("dev.switchyard.engine.routing..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.switchyard.engine.traffic.TrafficSample")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.switchyard.engine.traffic.QueryRecord")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.switchyard.engine.pricing.CostTable")
                .orShould().dependOnClassesThat().resideInAPackage("dev.switchyard.engine.sim..")
                .because("a router sees a request view and feedback events, never the score matrix (spec section 2)")
                .check(ROUTING);
    }

    @Test
    void onlyTheOraclesSeeHiddenTruth() {
        noClasses().that().resideInAPackage("dev.switchyard.engine.routing..")
                .and().resideOutsideOfPackage("dev.switchyard.engine.routing.oracle..")
                .and().doNotHaveFullyQualifiedName(Routers.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.switchyard.engine.routing.oracle.HiddenTruth")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.switchyard.engine.routing.oracle.HindsightPool")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.switchyard.engine.routing.oracle.HindsightRouter")
                .because("oracles are bounds behind a separate hindsight interface (decision 0301)")
                .check(ROUTING);
    }

    @Test
    void theRouterApiHasNoScoreAccessor() {
        for (Class<?> api : new Class<?>[] {Router.class, RequestView.class, FeedbackEvent.class, Serving.class, Predictor.class}) {
            for (java.lang.reflect.Method m : api.getMethods()) {
                String n = m.getName().toLowerCase(java.util.Locale.ROOT);
                if (n.contains("score") || n.contains("truth") || n.contains("outcome")) {
                    throw new AssertionError(api.getSimpleName() + "." + m.getName() + " looks like a path to the hidden truth");
                }
            }
        }
    }
}
