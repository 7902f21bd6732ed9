package dev.switchyard.engine.plan;

import dev.switchyard.engine.sim.Interval;
import dev.switchyard.engine.sim.LatencyStats;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.ReplicationResult;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.PlanningWindows;
import dev.switchyard.engine.sim.WindowStats;
import dev.switchyard.engine.sim.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges one run against a contract target: the share of contract windows (pooled over
 * replications) that end below it, overall and per tier, and whether the promise holds. A run
 * made with the router aiming at one target can be judged against any other, because windows are
 * rebuilt from the run's per-day counts.
 */
final class Judge {
    private static final double EPS = 1e-12;

    private Judge() {
    }

    /** A judged run, with the outcome kept for paired differences. */
    record Judged(PlanPoint point, Outcome result) {
    }

    static Judged judge(Outcome r, double aim, double target, Scenario.Sla sla, double maxBreach,
            Map<String, Double> tierTargets, List<String> tierNames) {
        List<Outcome.Rep> reps = r.reps();
        if (reps.isEmpty()) {
            throw new IllegalStateException("the planner needs every replication's day counts; the run kept none");
        }
        int months = r.months();
        int windowDays = switch (sla.window()) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> Scenario.Volume.DAYS_PER_MONTH;
            case REQUESTS -> 0;
        };
        double windows = 0;
        double breaches = 0;
        // the latency term (decision 1404): a window keeps the promise only when satisfaction and latency both hold
        boolean latencyTerm = hasLatencyTerm(r);
        double qualityBreaches = 0;
        double latencyJudged = 0;
        double latencyMet = 0;
        if (windowDays > 0) {
            for (Outcome.Rep rep : reps) {
                for (ReplicationResult part : rep.parts()) {
                    WindowStats w = PlanningWindows.at(part, windowDays, target);
                    windows += w.judged();
                    qualityBreaches += w.judged() - w.expectedMet();
                    if (latencyTerm) {
                        WindowStats both = PlanningWindows.bothAt(part, windowDays, target);
                        breaches += both.judged() - both.expectedMet();
                        int[] lw = PlanningWindows.latencyWindows(part, -1, windowDays);
                        latencyJudged += lw[0];
                        latencyMet += lw[1];
                    } else {
                        breaches += w.judged() - w.expectedMet();
                    }
                }
            }
        } else if (Math.abs(aim - target) < 1e-9) {
            // N-request windows are closed inside the run at the router's own target only
            for (Outcome.Rep rep : reps) {
                for (ReplicationResult part : rep.parts()) {
                    WindowStats w = part.scenarioWindows();
                    windows += w.judged();
                    qualityBreaches += w.judged() - w.expectedMet();
                    double[] lw = PlanningWindows.runLatencyWindows(part);
                    latencyJudged += lw[0];
                    latencyMet += lw[1];
                }
            }
            // the two terms' N-request windows are not paired window by window: a breach of either counts (union bound)
            breaches = Math.min(windows, qualityBreaches
                    + (latencyJudged > 0 ? (latencyJudged - latencyMet) / latencyJudged * windows : 0));
        }
        double breach = windows > 0 ? breaches / windows : Double.NaN;
        double qualityBreach = windows > 0 ? qualityBreaches / windows : Double.NaN;
        double latencyCompliance = latencyJudged > 0 ? latencyMet / latencyJudged : Double.NaN;
        double mean = r.meanSatisfaction();

        List<TierFigure> tiers = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int t = 0; t < tierNames.size(); t++) {
            String name = tierNames.get(t);
            Double own = tierTargets.get(name);
            double tt = own != null ? own : target;
            double tw = 0;
            double tb = 0;
            double req = 0;
            double sat = 0;
            double all = 0;
            for (Outcome.Rep rep : reps) {
                req += rep.tierRequests()[t];
                sat += rep.tierSatisfied()[t];
                all += rep.represented();
                if (windowDays > 0) {
                    for (ReplicationResult part : rep.parts()) {
                        WindowStats w = latencyTerm ? PlanningWindows.tierBothAt(part, t, windowDays, tt)
                                : PlanningWindows.tierAt(part, t, windowDays, tt);
                        tw += w.judged();
                        tb += w.judged() - w.expectedMet();
                    }
                }
            }
            double tierMean = req > 0 ? sat / req : Double.NaN;
            double tierBreach = tw > 0 ? tb / tw : Double.NaN;
            boolean ok = !(tierMean < tt - EPS) && !(tierBreach > maxBreach + EPS);
            tiers.add(new TierFigure(name, tt, own != null, all > 0 ? req / all : 0, tierMean, tierBreach,
                    Interval.wilson(tb / tw, tw), ok));
            if (own != null && !ok) {
                failures.add(tierMean < tt - EPS
                        ? String.format(Locale.ROOT, "the %s tier reaches %.1f%%, below its own %.1f%% target", name, 100 * tierMean,
                                100 * tt)
                        : String.format(Locale.ROOT, "the %s tier misses its own %.1f%% target in %.0f%% of %s (accepted: %.0f%%)",
                                name, 100 * tt, 100 * tierBreach, windowWords(sla), 100 * maxBreach));
            }
        }
        for (String named : tierTargets.keySet()) {
            if (!tierNames.contains(named)) {
                throw new IllegalArgumentException("tier target for '" + named + "' but the traffic's tiers are "
                        + (tierNames.isEmpty() ? "none" : String.join(", ", tierNames)));
            }
        }
        List<String> main = new ArrayList<>();
        if (mean < target - EPS) {
            main.add(String.format(Locale.ROOT, "reaches %.1f%% on average, below the %.1f%% target", 100 * mean, 100 * target));
        }
        PlanLatency latency = latencyTerm ? latencyFigure(r, latencyCompliance, (int) Math.round(latencyJudged), qualityBreach) : null;
        if (Double.isNaN(breach)) {
            main.add("its " + windowWords(sla) + " can only be judged at the router's own target");
        } else if (breach > maxBreach + EPS) {
            double latencyBreach = latency == null ? 0 : latency.latencyBreachProbability();
            boolean qualityFails = qualityBreach > maxBreach + EPS;
            boolean latencyFails = latency != null && latencyBreach > maxBreach + EPS;
            if (qualityFails || latency == null) {
                main.add(String.format(Locale.ROOT, "misses %.1f%% in %.0f%% of %s (accepted: %.0f%%)", 100 * target,
                        100 * (latency == null ? breach : qualityBreach), windowWords(sla), 100 * maxBreach));
            }
            if (latencyFails) {
                main.add(String.format(Locale.ROOT, "misses the latency target (%s) in %.0f%% of %s (accepted: %.0f%%)",
                        latency.describe(), 100 * latencyBreach, windowWords(sla), 100 * maxBreach));
            }
            if (latency != null && !qualityFails && !latencyFails) {
                main.add(String.format(Locale.ROOT, "misses %.1f%% or the latency target (%s) in %.0f%% of %s (accepted: %.0f%%)",
                        100 * target, latency.describe(), 100 * breach, windowWords(sla), 100 * maxBreach));
            }
        }
        main.addAll(failures);
        boolean meets = main.isEmpty();

        double[] monthCosts = new double[reps.size() * months];
        List<Double> monthSpend = new ArrayList<>();
        double[] meanMonth = r.meanMonthCost();
        for (int mo = 0; mo < months; mo++) {
            monthSpend.add(meanMonth[mo]);
            for (int k = 0; k < reps.size(); k++) {
                monthCosts[k * months + mo] = reps.get(k).monthCost()[mo];
            }
        }
        PlanPoint p = new PlanPoint(r.router(), r.displayName(), r.params(), aim, target, r.meanTotalCost() / months,
                Spread.of(monthCosts), r.costPer1000(), mean, breach, Interval.wilson(breaches / windows, windows), (int) windows, meets,
                String.join("; ", main), tiers, monthSpend, r.reconstructed(), latency);
        return new Judged(p, r);
    }

    /** True when the run was made under a latency term (the contract names one). */
    static boolean hasLatencyTerm(Outcome r) {
        for (Outcome.Rep rep : r.reps()) {
            for (ReplicationResult part : rep.parts()) {
                if (PlanningWindows.hasLatencyTerm(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PlanLatency latencyFigure(Outcome r, double compliance, int judged, double qualityBreach) {
        LatencyStats l = null;
        double p95 = 0;
        double pct = 0;
        int n = 0;
        for (SimulationResult part : r.parts()) {
            if (part.latency() == null) {
                continue;
            }
            l = part.latency();
            p95 += part.latency().latencyP95Ms().mean();
            pct += part.latency().percentileMs().mean();
            n++;
        }
        if (l == null) {
            return new PlanLatency("ttft", Double.NaN, Double.NaN, Map.of(), Double.NaN, Double.NaN, compliance, judged, qualityBreach);
        }
        return new PlanLatency(l.metric(), Double.isFinite(l.targetMs()) ? l.targetMs() : Double.NaN, l.percentile(),
                l.tierTargetsMs(), p95 / n, pct / n, compliance, judged, qualityBreach);
    }

    /**
     * True when the first replication alone proves the setting breaks the promise at {@code target} whatever
     * the other {@code replications - 1} replications give: the breach share is pooled over every replication's
     * windows, and even if none of the others breached, the first one's breaches over all replications' windows
     * (each replication has the same windows, judged or not) exceed the accepted share; likewise for a tier with
     * its own target. Such a setting cannot be the recommendation, so its other replications need not run.
     */
    static boolean decidedFailing(Outcome first, int replications, double target, Scenario.Sla sla, double maxBreach,
            Map<String, Double> tierTargets, List<String> tierNames) {
        if (first.reps().size() != 1 || replications <= 1) {
            return false;
        }
        int windowDays = switch (sla.window()) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> Scenario.Volume.DAYS_PER_MONTH;
            case REQUESTS -> 0; // N-request windows: their count per replication is not fixed in advance
        };
        if (windowDays == 0) {
            return false;
        }
        Outcome.Rep rep = first.reps().get(0);
        double windows = 0;
        double breaches = 0;
        for (ReplicationResult part : rep.parts()) {
            WindowStats w = PlanningWindows.bothAt(part, windowDays, target); // = at() without a latency term
            windows += w.windows();
            breaches += w.judged() - w.expectedMet();
        }
        if (windows > 0 && breaches / (windows * replications) > maxBreach + EPS) {
            return true;
        }
        for (int t = 0; t < tierNames.size(); t++) {
            Double own = tierTargets.get(tierNames.get(t));
            if (own == null) {
                continue;
            }
            double tw = 0;
            double tb = 0;
            for (ReplicationResult part : rep.parts()) {
                WindowStats w = PlanningWindows.tierBothAt(part, t, windowDays, own);
                tw += w.windows();
                tb += w.judged() - w.expectedMet();
            }
            if (tw > 0 && tb / (tw * replications) > maxBreach + EPS) {
                return true;
            }
        }
        return false;
    }

    static String windowWords(Scenario.Sla sla) {
        return switch (sla.window()) {
            case DAY -> "days";
            case WEEK -> "weeks";
            case MONTH -> "months";
            case REQUESTS -> String.format(Locale.ROOT, "windows of %,d requests", sla.windowRequests());
        };
    }

    static String windowName(Scenario.Sla sla) {
        return switch (sla.window()) {
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
            case REQUESTS -> sla.windowRequests() + " requests";
        };
    }

    /** Paired marginal cost between two judged runs (same requests and truth), per percentage point of target. */
    static MarginalCost marginal(String router, Judged lo, Judged hi) {
        double points = 100 * (hi.point().target() - lo.point().target());
        List<Outcome.Rep> a = lo.result().reps();
        List<Outcome.Rep> b = hi.result().reps();
        int reps = Math.min(a.size(), b.size());
        int months = lo.result().months();
        double[] d = new double[reps * months];
        for (int k = 0; k < reps; k++) {
            for (int mo = 0; mo < months; mo++) {
                d[k * months + mo] = (b.get(k).monthCost()[mo] - a.get(k).monthCost()[mo]) / points;
            }
        }
        double[] mh = meanAndHalfWidth(d);
        Interval iv = Double.isNaN(mh[1]) ? Interval.empty() : new Interval(mh[0], mh[0] - mh[1], mh[0] + mh[1]);
        return new MarginalCost(router, lo.point().target(), hi.point().target(), mh[0], iv);
    }

    /** Mean with a 90% t-interval (normal beyond 30 values); a single value gives an undefined interval. */
    private static double[] meanAndHalfWidth(double[] v) {
        int n = v.length;
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean = n == 0 ? Double.NaN : mean / n;
        if (n < 2) {
            return new double[] {mean, Double.NaN};
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        return new double[] {mean, t90(n - 1) * se};
    }

    /** Two-sided 90% Student t quantile for {@code df} degrees of freedom (table, then normal). */
    private static double t90(int df) {
        double[] table = {6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761,
            1.753, 1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697};
        return df <= table.length ? table[df - 1] : Interval.Z90;
    }
}
