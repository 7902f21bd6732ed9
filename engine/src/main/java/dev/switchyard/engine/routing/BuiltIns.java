package dev.switchyard.engine.routing;

import dev.switchyard.engine.routing.baseline.Baselines;
import dev.switchyard.engine.routing.online.OnlineRouters;
import dev.switchyard.engine.routing.oracle.HindsightRouterFactory;
import dev.switchyard.engine.routing.oracle.Oracles;
import dev.switchyard.engine.routing.predict.Predictors;
import java.util.ArrayList;
import java.util.List;

/** The routers this package ships; the registry adds providers' routers on top. */
final class BuiltIns {
    private BuiltIns() {
    }

    static List<RouterFactory> routers() {
        List<RouterFactory> out = new ArrayList<>(OnlineRouters.factories());
        out.addAll(Baselines.factories());
        return out;
    }

    static List<HindsightRouterFactory> bounds() {
        return new ArrayList<>(Oracles.factories());
    }

    static List<PredictorFactory> predictors() {
        return Predictors.builtIns();
    }

    /** Descriptor for a contract name whose implementation has not landed. */
    static RouterDescriptor pending(String name) {
        String display;
        String description;
        boolean reconstructed = false;
        String provenance = "";
        RouterDescriptor.Role role;
        switch (name) {
            case "proteus" -> {
                display = "PROTEUS";
                description = "Takes the accuracy target as a runtime input; a policy trained offline with Lagrangian RL.";
                reconstructed = true;
                provenance = "reconstructed from the paper's abstract (arXiv 2601.19402)";
                role = RouterDescriptor.Role.OFFLINE;
            }
            case "omnirouter" -> {
                display = "OmniRouter";
                description = "Batch Lagrangian assignment on predicted accuracy; never corrects with feedback.";
                role = RouterDescriptor.Role.OFFLINE;
            }
            case "threshold" -> {
                display = "Threshold";
                description = "Cheapest model whose predicted success clears a threshold calibrated to the target.";
                role = RouterDescriptor.Role.OFFLINE;
            }
            case "oracle", "sla-oracle" -> {
                display = name.equals("oracle") ? "Per-query oracle" : "SLA oracle";
                description = "Bound, not deployable: reads the hidden truth in hindsight.";
                role = RouterDescriptor.Role.BOUND;
            }
            default -> {
                display = name;
                description = "Not yet available in this build.";
                role = RouterDescriptor.Role.BASELINE;
            }
        }
        return new RouterDescriptor(name, display, description + " (not yet available)", reconstructed, provenance, role,
                false, List.of());
    }
}
