package dev.switchyard.app.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the user set on the scenario screen: together with the data and the seed it defines
 * a run completely (same settings, same numbers).
 *
 * @param pool the models the router may choose from (empty = every model in the sample)
 * @param routerParameters values for the router's tunables, as text (engine convention)
 * @param target the SLA target tau: the share of requests that must satisfy users
 * @param feedbackRate q: the chance an unhappy user reports it
 * @param monthlyVolume requests in the first month
 * @param monthlyGrowth relative growth per month (0.05 = +5% a month)
 * @param priceSheet label of the price sheet, null for the sample's recorded costs
 * @param tierTargets an SLA target of its own for some tiers of the traffic (gold -> 0.95); the rest use {@code target}
 * @param timeline price and catalog what-ifs on the horizon (the planner's answers include them)
 * @param latency the latency term of the SLA (off by default): the router must also keep that percentile of time to
 *     first token under L
 * @param aim the target the router itself is set to, when the planner found it must aim above the contract
 *     {@code target} to breach rarely enough (NaN: the router aims at {@code target}); figures are always judged
 *     against {@code target}
 */
public record ScenarioSettings(
        List<String> pool,
        String router,
        Map<String, String> routerParameters,
        double target,
        SlaWindow window,
        double feedbackRate,
        long monthlyVolume,
        double monthlyGrowth,
        int horizonMonths,
        String priceSheet,
        int replications,
        long seed,
        Map<String, Double> tierTargets,
        Timeline timeline,
        double aim,
        LatencyGoal latency) {

    /** Settings without a latency term. */
    public ScenarioSettings(List<String> pool, String router, Map<String, String> routerParameters, double target,
                            SlaWindow window, double feedbackRate, long monthlyVolume, double monthlyGrowth,
                            int horizonMonths, String priceSheet, int replications, long seed, Map<String, Double> tierTargets,
                            Timeline timeline, double aim) {
        this(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume, monthlyGrowth, horizonMonths,
                priceSheet, replications, seed, tierTargets, timeline, aim, LatencyGoal.OFF);
    }

    /** Settings whose router aims at the contract target. */
    public ScenarioSettings(List<String> pool, String router, Map<String, String> routerParameters, double target,
                            SlaWindow window, double feedbackRate, long monthlyVolume, double monthlyGrowth,
                            int horizonMonths, String priceSheet, int replications, long seed, Map<String, Double> tierTargets,
                            Timeline timeline) {
        this(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume, monthlyGrowth, horizonMonths,
                priceSheet, replications, seed, tierTargets, timeline, Double.NaN, LatencyGoal.OFF);
    }

    /** Settings with one target for every tier. */
    public ScenarioSettings(List<String> pool, String router, Map<String, String> routerParameters, double target,
                            SlaWindow window, double feedbackRate, long monthlyVolume, double monthlyGrowth,
                            int horizonMonths, String priceSheet, int replications, long seed) {
        this(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume, monthlyGrowth, horizonMonths,
                priceSheet, replications, seed, Map.of(), Timeline.NONE);
    }

    /** Settings without timeline events. */
    public ScenarioSettings(List<String> pool, String router, Map<String, String> routerParameters, double target,
                            SlaWindow window, double feedbackRate, long monthlyVolume, double monthlyGrowth,
                            int horizonMonths, String priceSheet, int replications, long seed, Map<String, Double> tierTargets) {
        this(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume, monthlyGrowth, horizonMonths,
                priceSheet, replications, seed, tierTargets, Timeline.NONE);
    }

    public ScenarioSettings {
        latency = latency == null ? LatencyGoal.OFF : latency;
        tierTargets = tierTargets == null ? Map.of() : Map.copyOf(new TreeMap<>(tierTargets));
        timeline = timeline == null ? Timeline.NONE : timeline;
        for (Map.Entry<String, Double> e : tierTargets.entrySet()) {
            if (e.getKey().isBlank() || !(e.getValue() > 0 && e.getValue() < 1)) {
                throw new IllegalArgumentException("tier target for '" + e.getKey() + "' must be between 0% and 100%, got "
                        + e.getValue());
            }
        }
        pool = List.copyOf(pool);
        if (router == null || router.isBlank()) {
            throw new IllegalArgumentException("pick a router");
        }
        routerParameters = Map.copyOf(new TreeMap<>(routerParameters));
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("SLA target must be between 0% and 100%, got " + target);
        }
        if (window == null) {
            throw new IllegalArgumentException("pick an SLA window");
        }
        if (!(feedbackRate >= 0 && feedbackRate <= 1)) {
            throw new IllegalArgumentException("feedback rate must be between 0% and 100%, got " + feedbackRate);
        }
        if (monthlyVolume < 1) {
            throw new IllegalArgumentException("monthly volume must be at least 1 request, got " + monthlyVolume);
        }
        if (!(monthlyGrowth > -1 && monthlyGrowth <= 10)) {
            throw new IllegalArgumentException("monthly growth must be above -100% and at most +1000%, got " + monthlyGrowth);
        }
        if (horizonMonths < 1 || horizonMonths > 60) {
            throw new IllegalArgumentException("horizon must be 1 to 60 months, got " + horizonMonths);
        }
        if (replications < 1 || replications > 1000) {
            throw new IllegalArgumentException("replications must be 1 to 1000, got " + replications);
        }
        if (!Double.isNaN(aim) && !(aim > 0 && aim < 1)) {
            throw new IllegalArgumentException("the router's aim must be between 0% and 100%, got " + aim);
        }
        if (Math.abs(aim - target) < 1e-9) {
            aim = Double.NaN; // one spelling of "aims at the target", so equal settings compare equal
        }
    }

    public ScenarioSettings withLatency(LatencyGoal l) {
        return new ScenarioSettings(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume,
                monthlyGrowth, horizonMonths, priceSheet, replications, seed, tierTargets, timeline, aim, l);
    }

    /** The target the router is set to: its own aim when the planner gave it one, else the contract target. */
    public double routerAim() {
        return Double.isNaN(aim) ? target : aim;
    }

    /** True when the router aims above (or below) the contract target. */
    public boolean hasOwnAim() {
        return !Double.isNaN(aim);
    }

    public ScenarioSettings withAim(double a) {
        return new ScenarioSettings(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume,
                monthlyGrowth, horizonMonths, priceSheet, replications, seed, tierTargets, timeline, a, latency);
    }

    public ScenarioSettings withTarget(double t) {
        return new ScenarioSettings(pool, router, routerParameters, t, window, feedbackRate, monthlyVolume,
                monthlyGrowth, horizonMonths, priceSheet, replications, seed, tierTargets, timeline, Double.NaN, latency);
    }

    public ScenarioSettings withRouter(String r, Map<String, String> params) {
        return new ScenarioSettings(pool, r, params, target, window, feedbackRate, monthlyVolume,
                monthlyGrowth, horizonMonths, priceSheet, replications, seed, tierTargets, timeline, Double.NaN, latency);
    }

    public ScenarioSettings withFeedbackRate(double q) {
        return new ScenarioSettings(pool, router, routerParameters, target, window, q, monthlyVolume,
                monthlyGrowth, horizonMonths, priceSheet, replications, seed, tierTargets, timeline, aim, latency);
    }

    public ScenarioSettings withReplications(int r) {
        return new ScenarioSettings(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume,
                monthlyGrowth, horizonMonths, priceSheet, r, seed, tierTargets, timeline, aim, latency);
    }

    public ScenarioSettings withHorizon(int months) {
        return new ScenarioSettings(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume,
                monthlyGrowth, months, priceSheet, replications, seed, tierTargets, timeline, aim, latency);
    }

    public ScenarioSettings withTierTargets(Map<String, Double> targets) {
        return new ScenarioSettings(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume,
                monthlyGrowth, horizonMonths, priceSheet, replications, seed, targets, timeline, aim, latency);
    }

    public ScenarioSettings withTimeline(Timeline t) {
        return new ScenarioSettings(pool, router, routerParameters, target, window, feedbackRate, monthlyVolume,
                monthlyGrowth, horizonMonths, priceSheet, replications, seed, tierTargets, t, aim, latency);
    }

    /** The target a tier must meet: its own when set, else the scenario's. */
    public double targetFor(String tier) {
        return tierTargets.getOrDefault(tier, target);
    }
}
