package dev.switchyard.engine.routing.online;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
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
 * SLARouter, <b>reconstructed from the paper's abstract and its MESS+ predecessor</b> (arXiv
 * 2606.19376; the full text and code were not available). The MESS+ core adapted to sparse
 * one-sided feedback, exactly as the specification's section 3.1 sets it out:
 * <ul>
 *   <li>p_hat: per (category, model) posterior-mean estimate from served answers and the reports
 *       they drew ({@code category} predictor by default; any {@link Predictor} plugs in);</li>
 *   <li>virtual queue: {@code Q <- max(0, Q + d_hat - (1 - tau - delta_t))} with the unbiased
 *       {@code d_hat = (r - f)/(q - f)} for one-sided reports (the label itself when labels come);</li>
 *   <li>exploit: rule L with {@code lambda = Q / V} on normalised cost (scale-free V);</li>
 *   <li>explore with {@code eps_t = min(1, c / t^(1/4))} by serving one model (least-served in the
 *       cell, or uniform), or MESS+'s explore-all as a mode;</li>
 *   <li>safety margin {@code delta_t = sqrt(2 ln(1/delta) (R + 1)) / ((q - f) n)}, capped at
 *       {@code (1 - tau)/2}: a concentration bound on the reports seen that shrinks as evidence
 *       grows (docs/decisions/0302-slarouter-safety-margin.md).</li>
 * </ul>
 * q and f are the router's assumed values, which may differ from the simulated channel's.
 */
public final class SlaRouter implements Router {
    private final String name;
    private final int models;
    private final double tau;
    private final double v;
    private final double c;
    private final double logInvDelta;
    private final double maxMargin;
    private final ExploreMode mode;
    private final Predictor predictor;
    private final RandomGenerator random;
    private final boolean oneSided;
    private final double q;
    private final double f;
    private final double[] pHat;
    private final long[] served;
    private long t;
    private double queue;
    private final double c4;
    private long observed;
    private double reports;
    private double deficitSum;
    private double margin;
    private double marginReports = -1;
    private double marginNumerator;

    /** How an exploration step picks what to serve. */
    public enum ExploreMode {
        LEAST_SERVED, UNIFORM, ALL;

        static ExploreMode of(String choice) {
            return switch (choice) {
                case "least-served" -> LEAST_SERVED;
                case "uniform" -> UNIFORM;
                case "all" -> ALL;
                default -> throw new IllegalArgumentException("unknown exploration mode '" + choice + "'");
            };
        }
    }

    public SlaRouter(String name, RoutingContext context, RouterParameters p) {
        this.name = name;
        this.models = context.modelCount();
        this.tau = context.target();
        this.v = p.number("V");
        this.c = p.number("c");
        this.c4 = c * c * c * c;
        double delta = p.number("delta");
        this.logInvDelta = delta >= 1 ? 0 : Math.log(1 / delta);
        this.maxMargin = (1 - tau) / 2;
        this.mode = ExploreMode.of(p.choice("exploration"));
        String predictorChoice = p.choice("predictor");
        this.predictor = context.createPredictor(predictorChoice.equals("scenario") ? null : predictorChoice);
        this.random = context.random();
        this.oneSided = context.feedback().kind() == FeedbackKind.ONE_SIDED;
        this.q = context.feedback().assumedRate();
        this.f = oneSided ? context.feedback().assumedFalseReportRate() : 0.0;
        this.pHat = new double[models];
        this.served = new long[Math.max(1, context.categories().size()) * models];
    }

    @Override
    public int route(RequestView request, Serving serving) {
        t++;
        int cell = request.category() * models;
        int choice;
        // u < min(1, c / t^(1/4))  <=>  u^4 t < c^4 for u in [0,1): exact, and no square roots per request
        double u = random.nextDouble();
        double u2 = u * u;
        if (u2 * u2 * t < c4) {
            choice = explore(request, serving, cell);
        } else {
            predictor.predict(request, pHat);
            choice = RuleL.choose(request, pHat, queue / v);
        }
        served[cell + choice]++;
        return choice;
    }

    // Kept out of route(): the exploit path stays small enough for the JIT to inline route() into the
    // simulator's loop once both are compiled (docs/decisions/0305-hot-loop-layout.md).
    private int explore(RequestView request, Serving serving, int cell) {
        serving.explore();
        return switch (mode) {
            case UNIFORM -> random.nextInt(models);
            case LEAST_SERVED -> leastServed(cell);
            case ALL -> exploreAll(request, serving);
        };
    }

    private int leastServed(int cell) {
        int best = 0;
        long fewest = served[cell];
        for (int m = 1; m < models; m++) {
            if (served[cell + m] < fewest) {
                fewest = served[cell + m];
                best = m;
            }
        }
        return best;
    }

    private int exploreAll(RequestView request, Serving serving) {
        predictor.predict(request, pHat);
        int best = 0;
        for (int m = 0; m < models; m++) {
            serving.call(m);
            if (pHat[m] > pHat[best]) {
                best = m;
            }
        }
        return best;
    }

    @Override
    public void observe(FeedbackEvent event) {
        predictor.learn(event);
        if (!event.served()) {
            return;
        }
        double deficit;
        switch (event.signal()) {
            case REPORT -> {
                deficit = (1 - f) / (q - f);
                reports++;
            }
            case SILENCE -> deficit = -f / (q - f);
            case DISSATISFIED -> {
                deficit = 1;
                reports++;
            }
            case SATISFIED -> deficit = 0;
            default -> {
                return;
            }
        }
        observed++;
        deficitSum += deficit;
        if (reports != marginReports) {
            updateMarginNumerator();
        }
        margin = Math.min(maxMargin, marginNumerator / observed);
        double next = queue + deficit - (1 - tau - margin);
        queue = next > 0 ? next : 0;
    }

    // sqrt(2 ln(1/delta) (R + 1)) / (q - f) changes only when a report arrives; out of line to keep observe() small
    private void updateMarginNumerator() {
        marginReports = reports;
        marginNumerator = logInvDelta == 0 ? 0 : Math.sqrt(2 * logInvDelta * (reports + 1)) / (oneSided ? q - f : 1);
    }

    @Override
    public double multiplier() {
        return queue / v;
    }

    @Override
    public double explorationRate() {
        return t == 0 ? 1.0 : Math.min(1.0, c / Math.sqrt(Math.sqrt(t)));
    }

    @Override
    public double estimatedSatisfaction() {
        return observed == 0 ? Double.NaN : Math.max(0, Math.min(1, 1 - deficitSum / observed));
    }

    /** Virtual queue Q. */
    public double queue() {
        return queue;
    }

    /** Current safety margin delta_t added to tau. */
    public double margin() {
        return margin;
    }

    @Override
    public LearnedState exportState() {
        return new LearnedState(name, Map.of("Q", queue, "lambda", queue / v, "V", v, "c", c, "epsilon", explorationRate(),
                "margin", margin, "requests", (double) t, "feedbackEvents", (double) observed, "reports", reports),
                predictor.estimates());
    }

    // Warm start (issue 12): added at the end, routing and learning above are unchanged.

    @Override
    public dev.switchyard.engine.routing.WarmState warmState() {
        java.util.Map<String, double[]> predictorArrays = predictor.warmArrays();
        if (predictorArrays == null) {
            return null;
        }
        java.util.Map<String, double[]> arrays = new java.util.TreeMap<>();
        predictorArrays.forEach((k, v) -> arrays.put("predictor." + k, v));
        double[] counts = new double[served.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = served[i];
        }
        arrays.put("served", counts);
        return new dev.switchyard.engine.routing.WarmState(name, Map.of("t", (double) t, "queue", queue, "observed",
                (double) observed, "reports", reports, "deficitSum", deficitSum, "margin", margin), arrays);
    }

    /**
     * Restores counters, queue, margin, served counts and the predictor, then moves the generator
     * to where the original stood: it replays the draws route() made for requests 1..t (one uniform
     * per request, one more on a uniform exploration step), which depend only on the draws and t.
     */
    @Override
    public void restoreState(dev.switchyard.engine.routing.WarmState s) {
        s.requireRouter(name);
        if (t != 0 || observed != 0) {
            throw new IllegalStateException("restoreState needs a router that has routed nothing yet");
        }
        java.util.Map<String, double[]> predictorArrays = new java.util.TreeMap<>();
        s.arrays().forEach((k, v) -> {
            if (k.startsWith("predictor.")) {
                predictorArrays.put(k.substring("predictor.".length()), v);
            }
        });
        predictor.restoreArrays(predictorArrays);
        double[] counts = s.array("served", served.length);
        for (int i = 0; i < counts.length; i++) {
            served[i] = (long) counts[i];
        }
        long steps = (long) s.scalar("t");
        queue = s.scalar("queue");
        observed = (long) s.scalar("observed");
        reports = s.scalar("reports");
        deficitSum = s.scalar("deficitSum");
        margin = s.scalar("margin");
        marginReports = -1;
        for (long i = 1; i <= steps; i++) {
            double u = random.nextDouble();
            double u2 = u * u;
            if (u2 * u2 * i < c4 && mode == ExploreMode.UNIFORM) {
                random.nextInt(models);
            }
        }
        t = steps;
        if (observed > 0) {
            updateMarginNumerator();
        }
    }
}
