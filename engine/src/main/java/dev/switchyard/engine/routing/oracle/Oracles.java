package dev.switchyard.engine.routing.oracle;

import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.RoutingContext;
import java.util.List;

/** Factories of the two bounds. */
public final class Oracles {
    private Oracles() {
    }

    public static List<HindsightRouterFactory> factories() {
        return List.of(
                factory(new RouterDescriptor("oracle", "Per-query oracle",
                        "Bound, not deployable: knows each answer in advance and picks the cheapest model that gets it right.",
                        false, "hindsight lower bound (spec 3.4)", RouterDescriptor.Role.BOUND, true, List.of())),
                factory(new RouterDescriptor("sla-oracle", "SLA oracle",
                        "Bound, not deployable: the cheapest way to meet the target exactly, found with hindsight.",
                        false, "hindsight lower bound (spec 3.4)", RouterDescriptor.Role.BOUND, true, List.of())));
    }

    private static HindsightRouterFactory factory(RouterDescriptor d) {
        return new HindsightRouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return d;
            }

            @Override
            public HindsightRouter create(RoutingContext context, RouterParameters parameters, HindsightPool pool) {
                if (d.name().equals("oracle")) {
                    return new PerQueryOracle(d.name());
                }
                // with a latency term the SLA oracle is a bound under both constraints (decision 1402)
                return context.latency().isActive()
                        ? new TwoConstraintOracle(d.name(), context.target(), context.latency(), context.slaTiers().values(), pool)
                        : new SlaOracle(d.name(), context.target(), pool);
            }
        };
    }
}
