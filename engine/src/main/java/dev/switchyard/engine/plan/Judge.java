package dev.switchyard.engine.plan;

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
        if (windowDays > 0) {
            for (Outcome.Rep rep : reps) {
                for (ReplicationResult part : rep.parts()) {
                    WindowStats w = PlanningWindows.at(part, windowDays, target);
                    windows += w.judged();
                    breaches += w.judged() - w.expectedMet();
                }
            }
        } else if (Math.abs(aim - target) < 1e-9) {
            // N-request windows are closed inside the run at the router's own target only
            for (Outcome.Rep rep : reps) {
                for (ReplicationResult part : rep.parts()) {
                    WindowStats w = part.scenarioWindows();
                    windows += w.judged();
                    breaches += w.judged() - w.expectedMet();
                }
            }
        }
        double breach = windows > 0 ? breaches / windows : Double.NaN;
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
                        WindowStats w = PlanningWindows.tierAt(part, t, windowDays, tt);
                        tw += w.judged();
                        tb += w.judged() - w.expectedMet();
                    }
                }
            }
            double tierMean = req > 0 ? sat / req : Double.NaN;
            double tierBreach = tw > 0 ? tb / tw : Double.NaN;
            boolean ok = !(tierMean < tt - EPS) && !(tierBreach > maxBreach + EPS);
            tiers.add(new TierFigure(name, tt, own != null, all > 0 ? req / all : 0, tierMean, tierBreach,
                    Interval.wilson(tb, tw), ok));
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
        if (Double.isNaN(breach)) {
            main.add("its " + windowWords(sla) + " can only be judged at the router's own target");
        } else if (breach > maxBreach + EPS) {
            main.add(String.format(Locale.ROOT, "misses %.1f%% in %.0f%% of %s (accepted: %.0f%%)", 100 * target, 100 * breach,
                    windowWords(sla), 100 * maxBreach));
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
                Spread.of(monthCosts), r.costPer1000(), mean, breach, Interval.wilson(breaches, windows), (int) windows, meets,
                String.join("; ", main), tiers, monthSpend, r.reconstructed());
        return new Judged(p, r);
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
            WindowStats w = PlanningWindows.at(part, windowDays, target);
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
                WindowStats w = PlanningWindows.tierAt(part, t, windowDays, own);
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
        double[] mh = Interval.meanAndHalfWidth(d);
        Interval iv = Double.isNaN(mh[1]) ? Interval.undefined() : new Interval(mh[0] - mh[1], mh[0] + mh[1]);
        return new MarginalCost(router, lo.point().target(), hi.point().target(), mh[0], iv);
    }
}
