package dev.switchyard.engine.routing.online;

import dev.switchyard.engine.routing.ParameterSpec;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterFactory;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.RoutingContext;
import java.util.List;

/** Factories of SLARouter and MESS+. */
public final class OnlineRouters {
    /** Predictor choices; "scenario" uses the scenario's predictor option. */
    static final List<String> PREDICTORS = List.of("scenario", "category", "category-length", "prior-only", "text-logistic");
    /** Help of the predictor choice: what was measured about text-logistic on new prompts (decision 1004). */
    static final String PREDICTOR_HELP = "Where p_hat comes from. 'category' is the choice for new traffic; 'text-logistic' is not shown"
            + " to cost less than 'category' on prompts it has not seen before (decision 1004).";

    private OnlineRouters() {
    }

    public static List<RouterFactory> factories() {
        RouterDescriptor sla = new RouterDescriptor("slarouter", "SLARouter",
                "Learns online from sparse 'thumbs-down' reports and keeps the SLA in every contract window (day, week, month or N requests) with a virtual queue; no per-workload tuning.",
                true, RouterDescriptor.SLAROUTER_RECONSTRUCTION + " (arXiv 2606.19376)", RouterDescriptor.Role.ONLINE, true,
                List.of(ParameterSpec.number("V", "Cost weight V",
                                "How strongly cost counts against the queue; larger = cheaper but slower to react (normalised cost, so one default fits all workloads).",
                                20, 0.01, 1000, true, true),
                        ParameterSpec.number("c", "Exploration c", "Exploration probability is min(1, c / t^(1/4)).", 0.25, 0.001, 10, true, true),
                        ParameterSpec.number("risk", "Accepted window breach risk",
                                "The chance of a breached SLA window you accept (0.05 = 5%); the router adds the margin that noise needs to stay within it. 0.5 adds no margin.",
                                0.05, 0.001, 0.5, true, true),
                        ParameterSpec.choice("exploration", "Exploration",
                                "Explore by serving the least-served model in the category, a uniform model, or by running all models (MESS+).",
                                List.of("least-served", "uniform", "all"), true),
                        ParameterSpec.choice("predictor", "Predictor", PREDICTOR_HELP, PREDICTORS, true)));
        RouterDescriptor mess = new RouterDescriptor("messplus", "MESS+",
                "Runs every model now and then to learn, otherwise picks by cost and a satisfaction queue; needs labelled feedback.",
                false, "MESS+ (NeurIPS 2025), from its public description and code defaults", RouterDescriptor.Role.ONLINE, true,
                List.of(ParameterSpec.number("V", "Cost weight V", "Larger = cheaper but slower to react.", 50, 0.01, 1000, true, true),
                        ParameterSpec.number("c", "Exploration c", "Explore-all probability is min(1, c / t^(1/4)).", 1, 0.01, 10, true, true),
                        ParameterSpec.choice("predictor", "Predictor", PREDICTOR_HELP, PREDICTORS, true)));
        return List.of(factory(sla, (ctx, p) -> new SlaRouter(sla.name(), ctx, p)),
                factory(mess, (ctx, p) -> new MessPlus(mess.name(), ctx, p)));
    }

    interface Maker {
        Router make(RoutingContext context, RouterParameters parameters);
    }

    static RouterFactory factory(RouterDescriptor d, Maker maker) {
        return new RouterFactory() {
            @Override
            public RouterDescriptor descriptor() {
                return d;
            }

            @Override
            public Router create(RoutingContext context, RouterParameters parameters) {
                return maker.make(context, parameters);
            }
        };
    }
}
