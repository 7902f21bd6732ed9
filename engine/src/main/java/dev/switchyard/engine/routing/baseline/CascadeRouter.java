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
 * Every call is paid. The judge is a simulated observer that errs with probability
 * {@code judgeError} (both ways). The chain is the cost-quality frontier of the calibration (or
 * prior) estimates, or every model from cheapest to dearest.
 */
public final class CascadeRouter implements Router {
    private final String name;
    private final int[] chain;
    private final double judgeError;
    private long requests;
    private long calls;

    CascadeRouter(String name, RoutingContext context, RouterParameters p) {
        this.name = name;
        Estimates e = Estimates.of(context);
        this.chain = p.choice("chain").equals("all") ? context.costs().cheapestFirst() : e.hull();
        this.judgeError = p.number("judgeError");
    }

    @Override
    public int route(RequestView request, Serving serving) {
        requests++;
        int last = chain.length - 1;
        for (int i = 0; i < last; i++) {
            int m = chain[i];
            serving.call(m);
            calls++;
            if (serving.judge(m, judgeError)) {
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
        return LearnedState.of(name, Map.of("judgeError", judgeError, "chainLength", (double) chain.length,
                "callsPerRequest", requests == 0 ? 0.0 : (double) calls / requests));
    }

    private CascadeRouter(String name, int[] chain, double judgeError) {
        this.name = name;
        this.chain = chain.clone();
        this.judgeError = judgeError;
    }

    /** A cascade from an exported configuration: the chain of model indices, cheapest first. */
    public static CascadeRouter restore(String name, int[] chain, double judgeError) {
        if (chain.length < 1) {
            throw new IllegalArgumentException("cascade: the chain needs at least one model");
        }
        return new CascadeRouter(name, chain, judgeError);
    }

    /** Model indices tried in order. */
    public int[] chain() {
        return chain.clone();
    }

    public double judgeError() {
        return judgeError;
    }
}
