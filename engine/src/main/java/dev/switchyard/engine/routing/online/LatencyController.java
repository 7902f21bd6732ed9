package dev.switchyard.engine.routing.online;

import dev.switchyard.engine.routing.StandardNormal;
import dev.switchyard.engine.routing.LatencyModel;
import dev.switchyard.engine.routing.LatencyPriors;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.RuleL;
import dev.switchyard.engine.routing.SlaWindow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latency term of a two-constraint SLA router (SLARouter, MESS+): the second multiplier. The router
 * minimises cost subject to satisfaction >= tau <i>and</i> P(latency > L) <= 1 - percentile, so the
 * per-request rule becomes
 * <pre>  m* = argmin_m  c_m(x) - lambda p_hat_m(x) + mu_k e_hat_m(x)</pre>
 * with {@code e_hat_m(x)} the learned chance that model m's latency exceeds the tier's L on this prompt
 * and {@code mu_k = Q_k / V} a virtual queue per SLA tier k:
 * {@code Q_k <- max(0, Q_k + 1{latency > L_k} - (1 - percentile - margin - pace))} on every served
 * answer of the tier (latency is always observed, so the queue runs on the exact indicator, not an
 * estimate). Per SLA window it is held like the quality term: the queue carries its time-average level
 * into the next window, a safety margin {@code z(1 - risk) sd} of the window's exceedance share and a
 * pacing term that repays the window's excess before the window closes
 * (docs/decisions/1401-latency-controller.md).
 *
 * <p>{@code e_hat} is learned per (model, log2 input-token bucket) as a Beta posterior mean: the prior
 * is the catalog's log-normal ({@link LatencyPriors}) at the bucket's middle, worth
 * {@link #PRIOR_WEIGHT} answers; each observed answer adds its exceedance indicator. Tiers with the
 * same L share what they learn. Only the router's own served answers feed it.
 */
public final class LatencyController {
    /** Prior strength of the catalog's log-normal, in answers. */
    static final double PRIOR_WEIGHT = 10;
    private static final int B = LatencyModel.BUCKETS;

    private final int models;
    private final LatencyTarget target;
    private final LatencyTarget.Metric metric;
    private final double allowed;
    private final double v;
    private final double z;
    private final double maxMargin;
    private final boolean windowed;
    private final String[] slotNames;
    private final double[] slotL;
    private final int[] slotGroup;
    private final double[] groupL;
    private final double[] prior;
    private final double[] observedCount;
    private final double[] exceedCount;
    private final double[] exceedance;
    // control per tier slot (slot 0: requests without a tier)
    private final double[] queue;
    private final double[] threshold;
    private final double[] margin;
    private final double[] pace;
    private final long[] winObserved;
    private final long[] winExceeded;
    private final long[] winRouted;
    private final double[] winQueueSum;
    private final long[] prevWinObserved;
    private final long[] totalObserved;
    private final long[] totalExceeded;
    private long window;

    /**
     * @param context the router's context (latency term, priors, tiers, SLA window)
     * @param v the router's V: the latency queue is on the same scale as the quality queue
     * @param risk accepted probability of a breached window (0.5 or more: no margin)
     * @return null when the contract names no latency term: the router then runs exactly as without one
     */
    public static LatencyController forContext(RoutingContext context, double v, double risk) {
        return context.latency().isActive() ? new LatencyController(context, v, risk) : null;
    }

    LatencyController(RoutingContext context, double v, double risk) {
        this.models = context.modelCount();
        this.target = context.latency();
        this.metric = target.metric();
        this.allowed = 1 - target.percentile();
        this.v = v;
        this.z = risk >= 0.5 ? 0 : StandardNormal.quantile(1 - risk);
        this.maxMargin = allowed / 2;
        this.windowed = context.window().kind() != SlaWindow.Kind.CUMULATIVE;
        int slots = context.slaTiers().size() + 1;
        this.slotNames = new String[slots];
        this.slotL = new double[slots];
        this.slotGroup = new int[slots];
        double[] distinct = new double[slots];
        int groups = 0;
        for (int s = 0; s < slots; s++) {
            slotNames[s] = s == 0 ? "untiered" : context.slaTiers().get(s - 1);
            slotL[s] = s == 0 ? target.targetMs() : target.targetMs(slotNames[s]);
            int g = 0;
            while (g < groups && Double.compare(distinct[g], slotL[s]) != 0) {
                g++;
            }
            if (g == groups) {
                distinct[groups++] = slotL[s];
            }
            slotGroup[s] = g;
        }
        this.groupL = java.util.Arrays.copyOf(distinct, groups);
        this.prior = new double[groups * B * models];
        this.exceedCount = new double[prior.length];
        this.exceedance = new double[prior.length];
        this.observedCount = new double[B * models];
        LatencyPriors priors = context.latencyPriors();
        for (int g = 0; g < groups; g++) {
            for (int b = 0; b < B; b++) {
                for (int m = 0; m < models; m++) {
                    double p = LatencyModel.priorExceedance(priors, m, LatencyModel.representativeTokens(b), groupL[g],
                            metric, 0);
                    // nothing stated: a neutral prior at the allowed share, learned from observations alone
                    int k = (g * B + b) * models + m;
                    prior[k] = Double.isNaN(p) ? (Double.isFinite(groupL[g]) ? allowed : 0) : p;
                    exceedance[k] = prior[k];
                }
            }
        }
        this.queue = new double[slots];
        this.threshold = new double[slots];
        this.margin = new double[slots];
        this.pace = new double[slots];
        java.util.Arrays.fill(threshold, allowed);
        this.winObserved = new long[slots];
        this.winExceeded = new long[slots];
        this.winRouted = new long[slots];
        this.winQueueSum = new double[slots];
        this.prevWinObserved = new long[slots];
        this.totalObserved = new long[slots];
        this.totalExceeded = new long[slots];
    }

    /**
     * Rule L with the latency term, for the exploit step.
     *
     * @param windowIndex the router's current SLA window (ignored when the contract names none)
     */
    public int choose(RequestView request, double[] pHat, double lambda, long windowIndex) {
        if (windowed && windowIndex != window) {
            roll(windowIndex);
        }
        int slot = slot(request);
        winRouted[slot]++;
        winQueueSum[slot] += queue[slot];
        double mu = queue[slot] / v * (scaleSet ? scale : Math.max(1, lambda));
        if (mu == 0) {
            return RuleL.choose(request, pHat, lambda);
        }
        int base = exceedanceRow(request);
        int n = request.modelCount();
        int best = 0;
        double bestValue = request.normalisedCost(0) - lambda * pHat[0] + mu * exceedance[base];
        for (int m = 1; m < n; m++) {
            double value = request.normalisedCost(m) - lambda * pHat[m] + mu * exceedance[base + m];
            if (value < bestValue) {
                best = m;
                bestValue = value;
            }
        }
        return best;
    }

    /** An answer's observed latency: learns e_hat and moves the tier's queue. */
    public void observe(RequestView request, int model, double ttftMs, double totalMs) {
        double latency = metric == LatencyTarget.Metric.TTFT ? ttftMs : totalMs;
        if (Double.isNaN(latency)) {
            return;
        }
        int cell = LatencyModel.bucket(request.inputTokens()) * models + model;
        double n = ++observedCount[cell];
        for (int g = 0; g < groupL.length; g++) {
            int k = g * B * models + cell;
            if (latency > groupL[g]) {
                exceedCount[k]++;
            }
            exceedance[k] = (PRIOR_WEIGHT * prior[k] + exceedCount[k]) / (PRIOR_WEIGHT + n);
        }
        int slot = slot(request);
        if (!Double.isFinite(slotL[slot])) {
            return;
        }
        int e = latency > slotL[slot] ? 1 : 0;
        winObserved[slot]++;
        winExceeded[slot] += e;
        totalObserved[slot]++;
        totalExceeded[slot] += e;
        refresh(slot);
        double next = queue[slot] + e - threshold[slot];
        queue[slot] = next > 0 ? next : 0;
    }

    /**
     * The set point {@code 1 - percentile - margin - pace} of a tier: the margin is {@code z(1 - risk)}
     * standard deviations of the window's exceedance share at the allowed share, over the window's expected
     * size (the previous window's, or what this window has seen so far; the answers so far when no window
     * is named); the pace spreads the window's excess over what the window still has.
     */
    private void refresh(int slot) {
        double n;
        if (windowed) {
            // the tier's answers in this window, extrapolated like the window's requests (SlaRouter's estimate of the
            // window's size); without one, the previous window's count
            double expected = expectedRouted > 0 && windowRouted > 0 ? winObserved[slot] * (expectedRouted / windowRouted)
                    : prevWinObserved[slot];
            n = Math.max(expected, winObserved[slot] + 1.0);
        } else {
            n = Math.max(1, totalObserved[slot]);
        }
        margin[slot] = WindowPace.margin(z, allowed * (1 - allowed), n, maxMargin);
        pace[slot] = qualityDebt ? 0 : WindowPace.pace(windowed, winExceeded[slot], allowed, margin[slot],
                winObserved[slot], n - winObserved[slot], maxMargin);
        threshold[slot] = allowed - margin[slot] - pace[slot];
    }

    private double expectedRouted;
    private double windowRouted;
    /** The scale of the quality multiplier the latency multiplier is put on, when the router sets one. */
    private double scale = 1;
    private boolean scaleSet;
    /** True while the router's quality window is in debt (its pace is on): the latency term then does not pace. */
    private boolean qualityDebt;

    /**
     * The router's estimate of the current window's size: {@code expected} requests, {@code routed} of them so far
     * (SlaRouter's, shared through {@link WindowPace}); a tier's expected answers are its answers so far scaled alike.
     */
    void expectWindow(double expected, long routed) {
        this.expectedRouted = expected;
        this.windowRouted = routed;
    }

    /**
     * Puts the latency multiplier on the scale of a slow average of the quality multiplier (SlaRouter: lambda's
     * time-average over the window so far, the carried level at a window's start): {@code mu = Q_k / V x max(1,
     * lambdaAverage)}. Not the live lambda: with it, a quality term in debt that raises lambda raises the latency weight
     * in proportion, so lambda buys no quality with latency headroom and the trade is left to the latency queue alone
     * (decision 1401). Without a call (MESS+, cumulative windows) the live lambda is used.
     */
    void scaleWith(double lambdaAverage) {
        scale = Math.max(1, lambdaAverage);
        scaleSet = true;
    }

    /**
     * The router's quality window is (or is no longer) in debt. While it is, the latency term keeps its margin but
     * drops its pace: the latency excess is then repaid once the quality debt is, not at the same time by pushing the
     * mix to the fast models that caused the quality debt (decision 1401).
     */
    void qualityInDebt(boolean debt) {
        qualityDebt = debt;
    }

    /** A new SLA window: each tier's queue restarts at its time-average over the last window, counters reset. */
    private void roll(long newWindow) {
        for (int s = 0; s < queue.length; s++) {
            if (winRouted[s] > 0) {
                queue[s] = winQueueSum[s] / winRouted[s];
            }
            prevWinObserved[s] = winObserved[s] > 0 ? winObserved[s] : prevWinObserved[s];
            winObserved[s] = 0;
            winExceeded[s] = 0;
            winRouted[s] = 0;
            winQueueSum[s] = 0;
        }
        window = newWindow;
    }

    private int slot(RequestView request) {
        int s = request.slaTier() + 1;
        return s > 0 && s < queue.length ? s : 0;
    }

    /** The latency multiplier mu = Q / V of tier slot {@code slot} (0: untiered, i: tier i - 1). */
    public double multiplier(int slot) {
        return queue[slot] / v;
    }

    /** The learned chance that {@code model} exceeds the untiered L on a prompt of {@code inputTokens}. */
    public double exceedance(int model, int inputTokens) {
        return exceedance[(slotGroup[0] * B + LatencyModel.bucket(inputTokens)) * models + model];
    }

    /** The learned chance that {@code model} exceeds the L of the request's tier on a prompt of the request's length. */
    public double exceedance(RequestView request, int model) {
        return exceedance[exceedanceRow(request) + model];
    }

    /**
     * Where the request's row of learned exceedances starts (its tier's L group and prompt-length bucket): model m's
     * is at {@code exceedanceAt(row, m)}, so a caller that reads every model's finds the row once.
     */
    int exceedanceRow(RequestView request) {
        return (slotGroup[slot(request)] * B + LatencyModel.bucket(request.inputTokens())) * models;
    }

    /** The learned chance that {@code model} exceeds L in the row {@link #exceedanceRow} found. */
    double exceedanceAt(int row, int model) {
        return exceedance[row + model];
    }

    /** True when the request's tier has a finite L (a latency term to hold). */
    public boolean constrains(RequestView request) {
        return Double.isFinite(slotL[slot(request)]);
    }

    /** The share of answers allowed over L, 1 - percentile. */
    public double allowedShare() {
        return allowed;
    }

    /** The target this controller holds. */
    public LatencyTarget target() {
        return target;
    }

    /** Scalars for the router's exported state, prefixed {@code latency.}. */
    public Map<String, Double> export() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("latency.targetMs", target.targetMs());
        s.put("latency.percentile", target.percentile());
        for (int slot = 0; slot < queue.length; slot++) {
            if (!Double.isFinite(slotL[slot]) || (slot == 0 && totalObserved[0] == 0 && queue.length > 1)) {
                continue;
            }
            String p = "latency." + slotNames[slot] + ".";
            s.put(p + "L", slotL[slot]);
            s.put(p + "mu", queue[slot] / v);
            s.put(p + "margin", margin[slot]);
            s.put(p + "observed", (double) totalObserved[slot]);
            s.put(p + "exceedShare", totalObserved[slot] == 0 ? Double.NaN : totalExceeded[slot] / (double) totalObserved[slot]);
        }
        return s;
    }
}
