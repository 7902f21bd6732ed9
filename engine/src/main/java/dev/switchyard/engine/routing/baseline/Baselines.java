package dev.switchyard.engine.routing.baseline;

import dev.switchyard.engine.routing.ParameterSpec;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterFactory;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.RoutingContext;
import java.util.List;
import java.util.function.BiFunction;

/** Factories of the baselines (spec 3.4). They read the calibration split's estimates, never the stream's truth. */
public final class Baselines {
    private Baselines() {
    }

    private static final String ON_CAL = " Chosen on the calibration split (or the whole sample when none is held out).";

    public static List<RouterFactory> factories() {
        return List.of(
                baseline("best-fixed", "Best fixed model", "Always the model with the highest mean quality: the reference for savings." + ON_CAL,
                        List.of(), (ctx, p) -> fixed("best-fixed", ctx, Estimates.of(ctx).best())),
                baseline("cheapest", "Cheapest model", "Always the cheapest model.", List.of(),
                        (ctx, p) -> fixed("cheapest", ctx, Estimates.of(ctx).cheapest())),
                baseline("cheapest-meeting-target", "Cheapest model meeting the target",
                        "Always the cheapest single model whose mean quality reaches the target." + ON_CAL, List.of(),
                        (ctx, p) -> fixed("cheapest-meeting-target", ctx, Estimates.of(ctx).cheapestMeeting(ctx.target()))),
                baseline("random-mix", "Random mix", "A cost-optimal random mix of two models that meets the target on average." + ON_CAL,
                        List.of(), (ctx, p) -> new RandomMixRouter("random-mix", ctx)),
                baseline("cascade", "Cascade", "Tries the cheapest model first and escalates when a judge rejects the answer; every call is paid.",
                        // the judge's error rate and price are scenario settings (Scenario.Judge), not the router's choice
                        List.of(ParameterSpec.choice("chain", "Models to try", "The cost-quality frontier, or every model from cheapest to dearest.",
                                        List.of("frontier", "all"), true)),
                        (ctx, p) -> new CascadeRouter("cascade", ctx, p)));
    }

    private static Router fixed(String name, RoutingContext ctx, int model) {
        return new FixedRouter(name, model, ctx.models().get(model), Estimates.of(ctx).score[model]);
    }

    private static RouterFactory baseline(String name, String display, String description, List<ParameterSpec> params,
            BiFunction<RoutingContext, RouterParameters, Router> maker) {
        RouterDescriptor d = new RouterDescriptor(name, display, description, false, "baseline (spec 3.4)",
                RouterDescriptor.Role.BASELINE, true, params);
        return new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return d;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                return maker.apply(context, parameters);
            }
        };
    }
}
