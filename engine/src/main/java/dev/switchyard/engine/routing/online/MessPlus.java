package dev.switchyard.engine.routing.online;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.RuleL;
import dev.switchyard.engine.routing.Serving;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * MESS+ (NeurIPS 2025, code public), the baseline SLARouter improves on: with probability
 * {@code eps_t = min(1, c / t^(1/4))} it runs every model on the request (paying for all), serves
 * the one it rates most capable and learns every model's label; otherwise rule L with
 * {@code lambda = Q / V}. The queue is {@code Q <- max(0, Q + tau - s)} on each served answer
 * whose label it learns. Under one-sided feedback it does what MESS+ would do if fed that
 * channel: a report means s = 0 and silence s = 1 (no correction for the report rate), which is
 * exactly the bias SLARouter removes.
 */
public final class MessPlus implements Router {
    private final String name;
    private final int models;
    private final double tau;
    private final double v;
    private final double c;
    private final Predictor predictor;
    private final RandomGenerator random;
    private final double[] pHat;
    private long t;
    private double queue;
    private double epsilon = 1.0;
    private long labels;
    private long satisfied;
    /** The latency term (a second queue, no margin: MESS+ has none), or null when the contract names none. */
    private final LatencyController latency;

    public MessPlus(String name, RoutingContext context, RouterParameters p) {
        this.name = name;
        this.models = context.modelCount();
        this.tau = context.target();
        this.v = p.number("V");
        this.c = p.number("c");
        String predictorChoice = p.choice("predictor");
        this.predictor = context.createPredictor(predictorChoice.equals("scenario") ? null : predictorChoice);
        this.random = context.random();
        this.pHat = new double[models];
        this.latency = LatencyController.forContext(context.withWindow(null), v, 0.5);
    }

    @Override
    public int route(RequestView request, Serving serving) {
        t++;
        epsilon = Math.min(1.0, c / Math.sqrt(Math.sqrt(t)));
        predictor.predict(request, pHat);
        if (random.nextDouble() < epsilon) {
            serving.explore();
            int best = 0;
            for (int m = 0; m < models; m++) {
                serving.call(m);
                if (pHat[m] > pHat[best]) {
                    best = m;
                }
            }
            return best;
        }
        return latency == null ? RuleL.choose(request, pHat, queue / v) : latency.choose(request, pHat, queue / v, 0);
    }

    @Override
    public void observeLatency(RequestView request, int model, double ttftMs, double totalMs) {
        if (latency != null) {
            latency.observe(request, model, ttftMs, totalMs);
        }
    }

    @Override
    public void observe(FeedbackEvent event) {
        predictor.learn(event);
        if (!event.served()) {
            return;
        }
        int s;
        switch (event.signal()) {
            case SATISFIED, SILENCE -> s = 1;
            case DISSATISFIED, REPORT -> s = 0;
            default -> {
                return;
            }
        }
        labels++;
        satisfied += s;
        double next = queue + tau - s;
        queue = next > 0 ? next : 0;
    }

    @Override
    public double multiplier() {
        return queue / v;
    }

    @Override
    public double explorationRate() {
        return epsilon;
    }

    @Override
    public double estimatedSatisfaction() {
        return labels == 0 ? Double.NaN : (double) satisfied / labels;
    }

    @Override
    public LearnedState exportState() {
        Map<String, Double> s = Map.of("Q", queue, "lambda", queue / v, "V", v, "c", c,
                "epsilon", epsilon, "requests", (double) t, "labels", (double) labels);
        if (latency != null) {
            s = new java.util.LinkedHashMap<>(s);
            s.putAll(latency.export());
        }
        return new LearnedState(name, s, predictor.estimates());
    }

    // Warm start (issue 12): added at the end, routing and learning above are unchanged.

    @Override
    public dev.switchyard.engine.routing.WarmState warmState() {
        java.util.Map<String, double[]> predictorArrays = predictor.warmArrays();
        if (predictorArrays == null || latency != null) {
            return null;
        }
        java.util.Map<String, double[]> arrays = new java.util.TreeMap<>();
        predictorArrays.forEach((k, v) -> arrays.put("predictor." + k, v));
        return new dev.switchyard.engine.routing.WarmState(name, Map.of("t", (double) t, "queue", queue, "epsilon", epsilon,
                "labels", (double) labels, "satisfied", (double) satisfied), arrays);
    }

    /** Restores counters, queue and predictor; the generator is moved on by the t draws route() made. */
    @Override
    public void restoreState(dev.switchyard.engine.routing.WarmState s) {
        s.requireRouter(name);
        if (t != 0) {
            throw new IllegalStateException("restoreState needs a router that has routed nothing yet");
        }
        java.util.Map<String, double[]> predictorArrays = new java.util.TreeMap<>();
        s.arrays().forEach((k, v) -> {
            if (k.startsWith("predictor.")) {
                predictorArrays.put(k.substring("predictor.".length()), v);
            }
        });
        predictor.restoreArrays(predictorArrays);
        long steps = (long) s.scalar("t");
        for (long i = 0; i < steps; i++) {
            random.nextDouble();
        }
        t = steps;
        queue = s.scalar("queue");
        epsilon = s.scalar("epsilon");
        labels = (long) s.scalar("labels");
        satisfied = (long) s.scalar("satisfied");
    }
}
