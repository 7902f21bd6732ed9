package dev.switchyard.engine.sim;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.catalog.RateBudget;
import dev.switchyard.engine.catalog.RateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-model rate limits in simulation (decision 1403): counts, per minute of the stream's clock (day and time of
 * day), the requests and tokens each model served at real volume (a request of a scaled month counts for the
 * {@code w} real requests it stands for), and sends a request its routed model has no room for to that model's
 * declared fallback, following the chain of fallbacks while each is full. When every model of the chain is full
 * the routed model serves it anyway and the request is counted as over the limit. The accounting is in whole real
 * requests: a scaled request's w real requests are split between the models that have room for them, and the
 * simulated request is served by one of them, drawn in proportion (see {@link #serve}).
 *
 * <p>Only served answers count: a router's own calls (a cascade's earlier steps, exploration's shadow calls) do
 * not, and an answer the router already produced itself is served as is (counted, never re-routed). Tokens are the
 * request's input tokens plus the serving model's output tokens.
 */
final class RateLimiter {
    private static final long MINUTE_MS = 60_000L;
    private static final long MINUTES_PER_DAY = 1440L;

    private final PreparedScenario p;
    private final LatencyMetrics metrics;
    private final RateBudget budget;
    private long minute = Long.MIN_VALUE;
    // the span of day positions (PreparedScenario.timeOfDay's argument) strictly inside the current minute
    private int minuteDay = -1;
    private double minuteFrom;
    private double minuteTo;
    /** Kept off a minute's ends so rounding in the day's time mapping cannot put a request in the wrong minute. */
    private static final double SPAN_MARGIN = 1e-9;
    private final CounterRandom random;

    private RateLimiter(PreparedScenario p, LatencyMetrics metrics, RateBudget budget, CounterRandom random) {
        this.random = random;
        this.p = p;
        this.metrics = metrics;
        this.budget = budget;
    }

    /** The limiter of one replication, or null when no pool model has a rate limit (the run then pays nothing). */
    static RateLimiter of(PreparedScenario p, Catalog catalog, LatencyMetrics metrics, long seed, int replication) {
        if (catalog == null || !catalog.hasRateLimits()) {
            return null;
        }
        int m = p.m;
        long[] rpm = new long[m];
        long[] tpm = new long[m];
        int[] fallback = new int[m];
        boolean any = false;
        for (int j = 0; j < m; j++) {
            RateLimit limit = catalog.resolve(p.models.get(j)).map(ModelInfo::rateLimit).orElse(null);
            rpm[j] = limit == null ? 0 : limit.requestsPerMinute();
            tpm[j] = limit == null ? 0 : limit.tokensPerMinute();
            fallback[j] = limit == null ? -1 : poolIndex(p, catalog, limit);
            any |= limit != null;
        }
        return any ? new RateLimiter(p, metrics, new RateBudget(rpm, tpm, fallback),
                new CounterRandom(seed, replication, Seeds.RATE_LIMIT)) : null;
    }

    private static int poolIndex(PreparedScenario p, Catalog catalog, RateLimit limit) {
        return catalog.fallbackIndex(limit, p.models);
    }

    /** What the result says about the limits: which pool models have them, and fallbacks the run cannot use. */
    static List<String> notes(PreparedScenario p, Catalog catalog) {
        if (catalog == null || !catalog.hasRateLimits()) {
            return List.of();
        }
        List<String> limited = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < p.m; j++) {
            String id = p.models.get(j);
            Optional<ModelInfo> info = catalog.resolve(id);
            RateLimit limit = info.map(ModelInfo::rateLimit).orElse(null);
            if (limit == null) {
                continue;
            }
            limited.add(id);
            if (limit.hasFallback() && poolIndex(p, catalog, limit) < 0) {
                notes.add("rate limits: " + id + "'s fallback " + limit.fallback() + " is not in the simulated pool;"
                        + " requests beyond " + id + "'s limits are served by " + id + " over the limit");
            }
        }
        if (!limited.isEmpty()) {
            notes.add(0, "rate limits (catalog, per minute at real volume) on " + String.join(", ", limited)
                    + "; requests beyond them go to the declared fallback (decision 1403)");
        }
        return List.copyOf(notes);
    }

    /** The latency notes followed by the rate-limit notes. */
    static List<String> withNotes(List<String> latencyNotes, PreparedScenario p, Catalog catalog) {
        List<String> rate = notes(p, catalog);
        if (rate.isEmpty()) {
            return latencyNotes;
        }
        List<String> all = new ArrayList<>(latencyNotes);
        all.addAll(rate);
        return all;
    }

    /**
     * The model that serves a request the router routed to {@code routed}, and the minute's accounting at real
     * volume: of the {@code w} real requests it stands for, the routed model takes as many whole ones as fit in
     * what is left of its minute, the rest go down the fallback chain the same way, and what no model of the chain
     * has room for is served by the routed model over the limit. The simulated request is served by one of them,
     * drawn in proportion to their shares (paired across routers: keyed by request and routed model); at w = 1 the
     * shares are 0 or 1 and nothing is drawn.
     *
     * @param frac the request's position in its day (the stream's time of day, {@link PreparedScenario#timeOfDay})
     * @param w the real requests it stands for
     * @param inputTokens the request's input tokens
     * @param outputTokens the row's output tokens per pool model, from {@code at} on (the latency cells the simulator
     *     already gathered for the row, {@link LatencyModel#gather}: no second lookup in the sample per chain step)
     */
    int serve(int routed, long seq, int day, double frac, double w, CallLedger calls, int inputTokens, float[] outputTokens,
            int at) {
        // the same minute as the last request unless the position left that minute's span of the day (requests come
        // in time order, so the day's time-of-day lookup runs about once a minute, not once a request)
        if (day != minuteDay || !(frac > minuteFrom && frac < minuteTo)) {
            long ofDay = p.timeOfDay(frac) / MINUTE_MS;
            long now = day * MINUTES_PER_DAY + ofDay;
            if (now != minute) {
                minute = now;
                budget.newMinute();
            }
            minuteDay = day;
            minuteFrom = fracAt(ofDay * MINUTE_MS) + SPAN_MARGIN;
            minuteTo = fracAt((ofDay + 1) * MINUTE_MS) - SPAN_MARGIN;
        }
        if (producedAlready(routed, calls)) {
            budget.use(routed, w, tokens(routed, inputTokens, outputTokens, at));
            return routed;
        }
        double left = w;
        int chosen = -1;
        double u = -1; // drawn only when a request is split between models
        budget.startChain(routed);
        for (int model = routed; model >= 0; model = budget.next(model)) {
            int tokens = tokens(model, inputTokens, outputTokens, at);
            double taken = Math.min(left, budget.room(model, tokens));
            if (taken > 0) {
                budget.use(model, taken, tokens);
                if (model != routed) {
                    metrics.rateLimited(taken);
                }
                if (chosen < 0) {
                    if (taken >= left && u < 0) {
                        chosen = model;
                    } else {
                        if (u < 0) {
                            u = random.uniform(seq, routed) * left;
                        }
                        if (u < taken) {
                            chosen = model;
                        } else {
                            u -= taken;
                        }
                    }
                }
                left -= taken;
            }
            if (left <= 0) {
                return chosen;
            }
        }
        // no model of the chain has room for the rest: the routed model serves it over the limit
        budget.use(routed, left, tokens(routed, inputTokens, outputTokens, at));
        metrics.overLimit(left);
        return chosen < 0 ? routed : chosen;
    }

    /** The day position at which the day's clock reaches {@code ms} (the inverse of PreparedScenario.timeOfDay). */
    private double fracAt(long ms) {
        double[] cdf = p.hourCdf;
        if (cdf == null) {
            return ms / 86_400_000.0;
        }
        int h = (int) Math.min(23, ms / 3_600_000L);
        double within = (ms - h * 3_600_000.0) / 3_600_000.0;
        return cdf[h] + within * (cdf[h + 1] - cdf[h]);
    }

    private static boolean producedAlready(int model, CallLedger calls) {
        for (int k = 0; k < calls.n; k++) {
            if (calls.list[k] == model) {
                return true;
            }
        }
        return false;
    }

    // without any token limit the count is never read: skipped
    private int tokens(int model, int inputTokens, float[] outputTokens, int at) {
        if (!budget.limitsTokens()) {
            return 0;
        }
        return inputTokens + (int) outputTokens[at + model];
    }
}
