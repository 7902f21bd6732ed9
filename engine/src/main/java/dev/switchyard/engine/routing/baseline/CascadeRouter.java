package dev.switchyard.engine.routing.baseline;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Serving;
import java.util.Map;

/**
 * Cascade in the FrugalGPT / RouterBench manner: call the cheapest model of the chain, ask a judge,
 * escalate to the next model while the judge rejects; the last model's answer is always served.
 * Every call is paid, judge calls included. The judge is the scenario's (its error rate and price
 * are scenario settings, decision 0307), not the router's choice. The chain is the cost-quality
 * frontier of the calibration estimates, or every model from cheapest to dearest.
 */
public final class CascadeRouter implements Router {
    private final String name;
    private final int[] chain;
    private long requests;
    private long calls;

    CascadeRouter(String name, RoutingContext context, RouterParameters p) {
        this.name = name;
        Estimates e = Estimates.of(context);
        this.chain = p.choice("chain").equals("all") ? context.costs().cheapestFirst() : e.hull();
    }

    @Override
    public int route(RequestView request, Serving serving) {
        requests++;
        int last = chain.length - 1;
        for (int i = 0; i < last; i++) {
            int m = chain[i];
            serving.call(m);
            calls++;
            if (serving.judge(m)) {
                return m;
            }
        }
        calls++;
        return chain[last];
    }

    @Override
    public void observe(FeedbackEvent event) {
        // the judge, not user feedback, drives a cascade
    }

    @Override
    public LearnedState exportState() {
        return LearnedState.of(name, Map.of("chainLength", (double) chain.length,
                "callsPerRequest", requests == 0 ? 0.0 : (double) calls / requests));
    }

    private CascadeRouter(String name, int[] chain) {
        this.name = name;
        this.chain = chain.clone();
    }

    /** A cascade from an exported configuration: the chain of model indices, cheapest first. */
    public static CascadeRouter restore(String name, int[] chain) {
        if (chain.length < 1) {
            throw new IllegalArgumentException("cascade: the chain needs at least one model");
        }
        return new CascadeRouter(name, chain);
    }

    /** Model indices tried in order. */
    public int[] chain() {
        return chain.clone();
    }

    /** Never learns from feedback, never reads the feedback assumptions, never explores (decision 1050). */
    @Override
    public boolean readsFeedback() {
        return false;
    }
}
