package dev.switchyard.engine.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutersTest {
    private final Routers routers = Routers.standard();

    @Test
    void everyContractNameIsListedWithADescription() {
        List<String> names = routers.descriptors().stream().map(RouterDescriptor::name).toList();
        assertTrue(names.containsAll(Routers.CONTRACT_NAMES), names.toString());
        for (RouterDescriptor d : routers.descriptors()) {
            assertFalse(d.description().isBlank(), d.name());
        }
        RouterDescriptor sla = routers.descriptor("slarouter");
        assertTrue(sla.reconstructed());
        assertTrue(sla.provenance().contains("reconstructed from the paper's abstract and its MESS+ predecessor"));
        assertTrue(routers.descriptor("sla-oracle").isBound());
        assertTrue(routers.descriptor("oracle").isBound());
        assertEquals(20.0, sla.parameter("V").orElseThrow().defaultValue());
    }

    @Test
    void unknownNamesAndBadParametersFailWithActionableMessages() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> routers.descriptor("slaroutr"));
        assertTrue(unknown.getMessage().contains("slarouter"), unknown.getMessage());
        RouterDescriptor sla = routers.descriptor("slarouter");
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> RouterParameters.of("V", "-3").resolve(sla));
        assertTrue(range.getMessage().contains("'V'") && range.getMessage().contains("-3"), range.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> RouterParameters.of("lambda", "1").resolve(sla));
        assertTrue(key.getMessage().contains("lambda"), key.getMessage());
        IllegalArgumentException choice = assertThrows(IllegalArgumentException.class,
                () -> RouterParameters.of("exploration", "sometimes").resolve(sla));
        assertTrue(choice.getMessage().contains("least-served"), choice.getMessage());
        RouterParameters resolved = RouterParameters.of("V", "10").resolve(sla);
        assertEquals(10.0, resolved.number("V"));
        assertEquals(0.25, resolved.number("c"));
        assertEquals("least-served", resolved.choice("exploration"));
    }

    @Test
    void pendingRoutersAreListedButFailClearlyUntilTheyLand() {
        for (RouterDescriptor d : routers.descriptors()) {
            if (!d.available()) {
                assertTrue(d.description().contains("not yet available"), d.name());
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                        () -> routers.create(d.name(), null, RouterParameters.none()));
                assertTrue(e.getMessage().contains(d.name()));
            }
        }
    }

    @Test
    void ruleLTradesCostAgainstSatisfaction() {
        double[] cost = {0.01, 0.2, 1.0};
        double[] p = {0.5, 0.8, 0.9};
        assertEquals(0, RuleL.choose(cost, p, 0, 3));
        assertEquals(1, RuleL.choose(cost, p, 1, 3));
        assertEquals(2, RuleL.choose(cost, p, 100, 3));
        // ties go to the cheaper model
        assertEquals(0, RuleL.choose(new double[] {0.1, 0.2}, new double[] {0.5, 0.6}, 1, 2));
    }
}
