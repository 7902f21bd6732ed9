package dev.switchyard.engine.routing.online;

import dev.switchyard.engine.routing.StandardNormal;
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
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.SlaWindow;
import java.util.LinkedHashMap;
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
 *       cell, or uniform), or MESS+'s explore-all as a mode; after the first SLA window least-served skips models
 *       that would lose rule L even with perfect quality ({@link ExplorationFilter}, decision 1411);</li>
 *   <li>window control for the SLA window the contract names ({@link SlaWindow}, from the
 *       {@link RoutingContext}): the queue carries the level earlier windows learned into each new
 *       window (their debt or surplus is not carried: a window is judged on its own), a pacing term
 *       repays the current window's debt before the window closes, and a safety margin
 *       {@code z(1 - risk) sd} from the noise of the unbiased report estimate over the window's
 *       expected size, where {@code risk} is the probability of a breached window the user accepts
 *       (default 5%; docs/decisions/1000-slarouter-window-controller.md).</li>
 * </ul>
 * q and f are the router's assumed values, which may differ from the simulated channel's.
 */
public final class SlaRouter implements Router {
    /** Routed requests between refreshes of the margin and the pacing term (kept off the per-request path). */
    private static final int REFRESH = 128;
    /** Requests between looks at the clock for calendar windows (a power of two). */
    private static final int CLOCK_EVERY = 16;

    private final String name;
    private final int models;
    private final double tau;
    private final double v;
    private final double invV;
    private final double c;
    private final double risk;
    private final double z;
    private final double outcomeVar;
    private final double estimateVar;
    private final double maxMargin;
    private final ExploreMode mode;
    private final Predictor predictor;
    private final RandomGenerator random;
    private final boolean oneSided;
    private final double q;
    private final double f;
    // a report's and a silence's contribution to the deficit (the unbiased one-sided estimate), divided out once
    private final double reportDeficit;
    private final double silenceDeficit;
    private final double[] pHat;
    private final long[] served;
    private final SlaWindow window;
    private final boolean windowed;
    private final boolean bySequence;
    private final long windowLength;
    private final double c4;
    /** The latency term (a second multiplier), or null when the contract names none. */
    private final LatencyController latency;
    private long t;
    private double queue;
    private long observed;
    private double reports;
    private double deficitSum;
    // the current SLA window (all zero until the first request places it)
    private boolean placed;
    private long origin;
    private long windowIndex;
    private long windowStart;
    private long nextBoundary;
    private long windowsSeen;
    private long winRouted;
    private long winObserved;
    private double winDeficit;
    private double winQueueSum;
    private long prevWinRouted;
    private long lastKey;
    // the controller's set point, refreshed every REFRESH requests
    private double level;
    private double margin;
    private double pace;
    private double threshold;
    private long refreshAt;
    /** Largest multiplier seen at a refresh (the exploration filter's reckoning, ExplorationFilter). */
    private double maxLambda;
    private final boolean[] exploreAllowed;

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
        this.invV = 1.0 / v;
        this.c = p.number("c");
        this.c4 = c * c * c * c;
        this.risk = p.number("risk");
        this.z = risk >= 0.5 ? 0 : StandardNormal.quantile(1 - risk);
        this.maxMargin = (1 - tau) / 2;
        this.mode = ExploreMode.of(p.choice("exploration"));
        String predictorChoice = p.choice("predictor");
        this.predictor = context.createPredictor(predictorChoice.equals("scenario") ? null : predictorChoice);
        this.random = context.random();
        this.oneSided = context.feedback().kind() == FeedbackKind.ONE_SIDED;
        this.q = context.feedback().assumedRate();
        this.f = oneSided ? context.feedback().assumedFalseReportRate() : 0.0;
        this.reportDeficit = (1 - f) / (q - f);
        this.silenceDeficit = -f / (q - f);
        this.outcomeVar = tau * (1 - tau);
        this.estimateVar = estimateVariance(tau, context.feedback().kind(), q, f);
        this.pHat = new double[models];
        this.exploreAllowed = new boolean[models];
        this.served = new long[Math.max(1, context.categories().size()) * models];
        this.window = context.window();
        this.windowed = window.kind() != SlaWindow.Kind.CUMULATIVE;
        this.bySequence = window.bySequence();
        this.windowLength = Math.max(1, window.length());
        this.latency = LatencyController.forContext(context, v, risk);
    }

    /**
     * Variance, per answer, of the router's unbiased estimate of 1 - s around the truth: one-sided,
     * d_hat = (r - f)/(q - f); two-sided sparse, a q-sample of the labels; full labels, none. At the
     * target's failure rate.
     */
    static double estimateVariance(double tau, FeedbackKind kind, double q, double f) {
        return switch (kind) {
            case ONE_SIDED -> ((1 - tau) * q * (1 - q) + tau * f * (1 - f)) / ((q - f) * (q - f));
            case TWO_SIDED_SPARSE -> tau * (1 - tau) * (1 - q) / q;
            default -> 0;
        };
    }

    @Override
    public int route(RequestView request, Serving serving) {
        t++;
        if (windowed) {
            // a timestamp can cost a lookup in the traffic's hour profile: calendar windows look at the
            // clock every CLOCK_EVERY requests only, so a window starts at most that many requests late
            if (bySequence || (t & (CLOCK_EVERY - 1)) == 1 || !placed) {
                long key = bySequence ? request.sequence() + sequenceShift : request.timeMillis();
                lastKey = key;
                if (key >= nextBoundary || !placed) {
                    roll(key);
                }
            }
            winRouted++;
            winQueueSum += queue;
        }
        if (t >= refreshAt) {
            refresh();
        }
        int cell = request.category() * models;
        int choice;
        // u < min(1, c / t^(1/4))  <=>  u^4 t < c^4 for u in [0,1): exact, and no square roots per request
        double u = random.nextDouble();
        double u2 = u * u;
        if (u2 * u2 * t < c4) {
            choice = explore(request, serving, cell);
        } else {
            // the predictor's own row where it keeps one (read before the next learn): no copy per request
            double[] p = predictor.predictView(request, pHat);
            double lambda = queue * invV; // a product, not a quotient: it is on the path from one request to the next
            choice = latency == null ? RuleL.choose(request, p, lambda) : latency.choose(request, p, lambda, windowIndex);
        }
        served[cell + choice]++;
        return choice;
    }

    /**
     * A new SLA window starts: the queue keeps the level the last window settled at (its time-average),
     * so lambda carries over what earlier windows learned, but not their debt or surplus, which the
     * contract does not carry either. Out of line: it runs once per window.
     */
    private void roll(long key) {
        if (rebaseSequence) {
            key = resumeSequence(key);
            if (key < nextBoundary) {
                return;
            }
        }
        if (!placed) {
            placed = true;
            // without a known origin, calendar windows start at the UTC midnight of the first request's day,
            // as the simulator's do (its day 0 starts at the sample's first UTC midnight)
            origin = bySequence ? 0 : (window.originMillis() == SlaWindow.FIRST_REQUEST
                    ? Math.floorDiv(key, SlaWindow.DAY_MS) * SlaWindow.DAY_MS : window.originMillis());
        } else {
            level = winRouted > 0 ? winQueueSum / winRouted : queue;
            queue = level;
            prevWinRouted = winRouted;
        }
        windowIndex = Math.floorDiv(key - origin, windowLength);
        windowStart = origin + windowIndex * windowLength;
        nextBoundary = windowStart + windowLength;
        windowsSeen++;
        winRouted = 0;
        winObserved = 0;
        winDeficit = 0;
        winQueueSum = 0;
        refreshAt = t; // refresh now
    }

    /**
     * Recomputes the set point {@code 1 - tau - margin - pace}.
     *
     * <p>The margin is {@code z(1 - risk)} standard deviations of a window's true mean around what the
     * router controls, over the window's expected size (the answers observed so far when no window is
     * named): the outcomes' own noise plus the noise of the unbiased report estimate the queue runs on.
     * A window run at tau + margin then breaches by noise alone with probability at most the accepted risk.
     *
     * <p>The pacing term spreads the window's debt (estimated failures above the window's budget) over the
     * requests the window still has, so that it is repaid before the window closes (the first window's
     * learning debt included).
     */
    private void refresh() {
        refreshAt = t + REFRESH;
        double n;
        double remaining;
        if (windowed) {
            double progress = (lastKey - windowStart) / (double) windowLength;
            n = Math.max(WindowPace.expectedSize(winRouted, progress, prevWinRouted), winRouted + 1.0);
            remaining = n - winRouted;
            if (latency != null) {
                latency.expectWindow(n, winRouted);
                // the latency multiplier's scale: lambda's average over the window so far (decision 1401)
                latency.scaleWith((winRouted > 0 ? winQueueSum / winRouted : level) / v);
            }
        } else {
            n = Math.max(1, observed);
            remaining = Double.POSITIVE_INFINITY;
        }
        margin = WindowPace.margin(z, outcomeVar + estimateVar, n, maxMargin);
        pace = WindowPace.pace(windowed, winDeficit, 1 - tau, margin, winObserved, remaining, maxMargin);
        threshold = 1 - tau - margin - pace;
        maxLambda = Math.max(maxLambda, queue / v);
        if (latency != null) {
            // the quality window is in debt: the latency term holds its margin but does not pace (decision 1401)
            latency.qualityInDebt(pace > 0);
        }
    }

    // Kept out of route(): the exploit path stays small enough for the JIT to inline route() into the
    // simulator's loop once both are compiled (docs/decisions/0305-hot-loop-layout.md).
    private int explore(RequestView request, Serving serving, int cell) {
        serving.explore();
        return switch (mode) {
            case UNIFORM -> random.nextInt(models);
            case LEAST_SERVED -> leastServed(request, cell);
            case ALL -> exploreAll(request, serving);
        };
    }

    /**
     * The least-served model of the cell (the first on a tie), among the models not dominated with certainty
     * (ExplorationFilter) after the first window.
     */
    private int leastServed(RequestView request, int cell) {
        boolean[] allowed = null;
        if (windowsSeen > 1) {
            predictor.predict(request, pHat);
            ExplorationFilter.allowed(request, pHat, 2 * maxLambda, exploreAllowed);
            allowed = exploreAllowed;
        }
        int best = -1;
        long fewest = Long.MAX_VALUE;
        for (int m = 0; m < models; m++) {
            if ((allowed == null || allowed[m]) && served[cell + m] < fewest) {
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
        // identity tests, the most common signal under one-sided feedback first (no switch table on the hot path)
        Signal signal = event.signal();
        double deficit;
        if (signal == Signal.SILENCE) {
            deficit = silenceDeficit;
        } else if (signal == Signal.REPORT) {
            deficit = reportDeficit;
            reports++;
        } else if (signal == Signal.DISSATISFIED) {
            deficit = 1;
            reports++;
        } else if (signal == Signal.SATISFIED) {
            deficit = 0;
        } else {
            return;
        }
        observed++;
        deficitSum += deficit;
        winObserved++;
        winDeficit += deficit;
        double next = queue + deficit - threshold;
        queue = next > 0 ? next : 0;
    }

    @Override
    public void observeLatency(RequestView request, int model, double ttftMs, double totalMs) {
        if (latency != null) {
            latency.observe(request, model, ttftMs, totalMs);
        }
    }

    /** The latency term's controller, or null when the contract names no latency. */
    public LatencyController latencyController() {
        return latency;
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

    /** Current safety margin added to tau (from the accepted window risk). */
    public double margin() {
        return margin;
    }

    /** Current pacing term: the share added to tau so that the window's debt is repaid before it closes. */
    public double pace() {
        return pace;
    }

    /** Index of the current SLA window (0 = the window the origin falls in); -1 before the first request. */
    public long windowIndex() {
        return placed ? windowIndex : -1;
    }

    @Override
    public LearnedState exportState() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("Q", queue);
        s.put("lambda", queue / v);
        s.put("V", v);
        s.put("c", c);
        s.put("risk", risk);
        s.put("epsilon", explorationRate());
        s.put("exploration.maxLambda", maxLambda);
        s.put("margin", margin);
        s.put("pace", pace);
        s.put("requests", (double) t);
        s.put("feedbackEvents", (double) observed);
        s.put("reports", reports);
        s.put("deficitSum", deficitSum);
        // the window controller's state, complete so that a warm start can resume it
        s.put("window.placed", placed ? 1.0 : 0.0);
        s.put("window.origin", (double) origin);
        s.put("window.index", (double) windowIndex);
        s.put("window.start", (double) windowStart);
        s.put("window.count", (double) windowsSeen);
        s.put("window.routed", (double) winRouted);
        s.put("window.feedbackEvents", (double) winObserved);
        s.put("window.deficitSum", winDeficit);
        s.put("window.queueSum", winQueueSum);
        s.put("window.previousRouted", (double) prevWinRouted);
        s.put("window.level", level);
        s.put("window.lastKey", (double) lastKey);
        for (int i = 0; i < served.length; i++) {
            if (served[i] > 0) {
                s.put("served." + (i / models) + "." + (i % models), (double) served[i]);
            }
        }
        if (latency != null) {
            s.putAll(latency.export());
        }
        return new LearnedState(name, s, predictor.estimates());
    }

    // Warm start (issue 12, docs/decisions/1200-warm-start.md): added at the end, routing and learning
    // above are unchanged. Every field route()/observe() read or write is carried, the window
    // controller's included; pHat is scratch (overwritten by each prediction) and is not.

    @Override
    public dev.switchyard.engine.routing.WarmState warmState() {
        Map<String, double[]> predictorArrays = predictor.warmArrays();
        if (predictorArrays == null || latency != null) {
            // the latency term's learned state is not carried yet: a router with one starts cold
            return null;
        }
        Map<String, double[]> arrays = new java.util.TreeMap<>();
        predictorArrays.forEach((k, a) -> arrays.put("predictor." + k, a));
        double[] counts = new double[served.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = served[i];
        }
        arrays.put("served", counts);
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("t", (double) t);
        s.put("queue", queue);
        s.put("observed", (double) observed);
        s.put("reports", reports);
        s.put("deficitSum", deficitSum);
        s.put("margin", margin);
        s.put("pace", pace);
        s.put("threshold", threshold);
        s.put("refreshAt", (double) refreshAt);
        s.put("maxLambda", maxLambda);
        s.put("window.kind", (double) window.kind().ordinal());
        s.put("window.length", (double) windowLength);
        s.put("window.placed", placed ? 1.0 : 0.0);
        s.put("window.origin", (double) origin);
        s.put("window.index", (double) windowIndex);
        s.put("window.start", (double) windowStart);
        s.put("window.nextBoundary", (double) (rebaseSequence ? resumeBoundary : nextBoundary));
        s.put("window.count", (double) windowsSeen);
        s.put("window.routed", (double) winRouted);
        s.put("window.feedbackEvents", (double) winObserved);
        s.put("window.deficitSum", winDeficit);
        s.put("window.queueSum", winQueueSum);
        s.put("window.previousRouted", (double) prevWinRouted);
        s.put("window.level", level);
        s.put("window.lastKey", (double) lastKey);
        return new dev.switchyard.engine.routing.WarmState(name, s, arrays);
    }

    /**
     * Restores counters, queue, the window controller (current window, its counters, level, set point
     * and refresh schedule), served counts and the predictor, then moves the generator to where the
     * original stood: it replays the draws route() made for requests 1..t (one uniform per request, one
     * more on a uniform exploration step), which depend only on the draws and t. Longs are stored as
     * doubles, exact below 2^53 (epoch milliseconds and request counts are far below).
     */
    @Override
    public void restoreState(dev.switchyard.engine.routing.WarmState s) {
        s.requireRouter(name);
        if (t != 0 || observed != 0) {
            throw new IllegalStateException("restoreState needs a router that has routed nothing yet");
        }
        SlaWindow.Kind[] kinds = SlaWindow.Kind.values();
        int kind = (int) s.scalar("window.kind");
        if (kind != window.kind().ordinal() || (long) s.scalar("window.length") != windowLength) {
            throw new IllegalArgumentException("warm state of '" + name + "' was learned for SLA window "
                    + (kind >= 0 && kind < kinds.length ? kinds[kind] : "#" + kind) + " of length "
                    + (long) s.scalar("window.length") + ", this router controls " + window.kind() + " of length "
                    + windowLength + "; start it cold");
        }
        Map<String, double[]> predictorArrays = new java.util.TreeMap<>();
        s.arrays().forEach((k, a) -> {
            if (k.startsWith("predictor.")) {
                predictorArrays.put(k.substring("predictor.".length()), a);
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
        pace = s.scalar("pace");
        threshold = s.scalar("threshold");
        refreshAt = (long) s.scalar("refreshAt");
        // a state saved before the exploration filter existed: nothing is dominated at an unbounded multiplier
        maxLambda = s.scalars().containsKey("maxLambda") ? s.scalar("maxLambda") : ExplorationFilter.UNBOUNDED;
        placed = s.scalar("window.placed") != 0;
        origin = (long) s.scalar("window.origin");
        windowIndex = (long) s.scalar("window.index");
        windowStart = (long) s.scalar("window.start");
        nextBoundary = (long) s.scalar("window.nextBoundary");
        windowsSeen = (long) s.scalar("window.count");
        winRouted = (long) s.scalar("window.routed");
        winObserved = (long) s.scalar("window.feedbackEvents");
        winDeficit = s.scalar("window.deficitSum");
        winQueueSum = s.scalar("window.queueSum");
        prevWinRouted = (long) s.scalar("window.previousRouted");
        level = s.scalar("window.level");
        lastKey = (long) s.scalar("window.lastKey");
        if (bySequence && placed) {
            // a resumed stream numbers its requests afresh (LiveRouter's tickets start at 0): the first
            // request after the restore is taken to follow the last one routed, see resumeSequence
            rebaseSequence = true;
            resumeBoundary = nextBoundary;
            resumeLastKey = lastKey;
            nextBoundary = Long.MIN_VALUE;
        }
        for (long i = 1; i <= steps; i++) {
            double u = random.nextDouble();
            double u2 = u * u;
            if (u2 * u2 * i < c4 && mode == ExploreMode.UNIFORM) {
                random.nextInt(models);
            }
        }
        t = steps;
    }

    /** Offset added to request sequence numbers after a warm start, so N-request windows continue. */
    private long sequenceShift;
    /** Set by restoreState for N-request windows until the first request fixes {@link #sequenceShift}. */
    private boolean rebaseSequence;
    private long resumeBoundary;
    private long resumeLastKey;

    /**
     * First request after a warm start with N-request windows: its sequence number is shifted to follow
     * the last request the state saw, and the restored window boundary comes back. Returns the shifted key.
     */
    private long resumeSequence(long key) {
        rebaseSequence = false;
        sequenceShift = resumeLastKey + 1 - key;
        lastKey = resumeLastKey + 1;
        nextBoundary = resumeBoundary;
        return lastKey;
    }
}
