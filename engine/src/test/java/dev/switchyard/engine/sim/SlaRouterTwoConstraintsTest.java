package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.LatencyModel;
import dev.switchyard.engine.routing.LatencyPriors;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.oracle.TwoConstraintFit;
import dev.switchyard.engine.routing.oracle.TwoConstraintOracle;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's done-when: on the bundled sample (support-desk, where the app opens) with a latency target that excludes the
 * slowest model for long prompts, SLARouter holds both terms, satisfaction >= tau and p95 TTFT <= L, cumulatively in
 * every seed and per weekly window (at most {@value #MAX_BREACH_SHARE} of the windows breached over the five seeds, as
 * SlaRouterWindowContractTest allows for the quality term at the router's 5% accepted risk), for q in {1, 0.2}, at a
 * cost within 10% of the two-constraint oracle's hindsight bound plus the price of learning in the first window.
 *
 * <p>The bound is the two-constraint fit at cell resolution (category x tier x prompt-length bucket: what SLARouter routes
 * on), its Lagrangian dual value, so a lower bound on any policy on those features; the per-query bound (row resolution)
 * is far below any deployable router (it knows each answer) and is checked to be below the cell bound. The price of
 * learning is what the router's first window cost above that bound, spread over the run. L is derived from the run, not
 * fixed: 0.8 x the p95 SLARouter reaches without a latency target (as the latency-two-constraints check does), so the
 * test does not depend on the sample's exact figures; it asserts its own premise (L excludes the slowest model on long
 * prompts by the catalog's latency profile).
 */
class SlaRouterTwoConstraintsTest {
    static final double TAU = 0.9;
    static final int SEEDS = 5;
    static final long REQUESTS = 60_000;
    static final double MAX_BREACH_SHARE = 0.12;
    static final double PERCENTILE = 0.95;

    static Scenario base(SampleBundle bundle, TrafficSample sample, double q) {
        return Scenario.of(sample, bundle.priceSheets().get(0), bundle.catalog(), "slarouter")
                .withVolume(Scenario.Volume.requests(REQUESTS)).withReplications(SEEDS).withSeed(20261202)
                .withSla(new Scenario.Sla(TAU, Scenario.Window.WEEK, 0)).withFeedback(Scenario.Feedback.oneSided(q))
                .withScaling(Scenario.Scaling.exact());
    }

    /** What one feedback rate gave over the five seeds, and which parts of the done-when failed. */
    record Outcome(double q, List<String> constraintFailures, List<String> qualityWindowFailures, List<String> costFailures,
            String figures) {
    }

    /** Runs SLARouter under both terms for q in {1, 0.2}, five seeds each, and judges every part of the done-when. */
    static List<Outcome> run(StringBuilder all) throws Exception {
        SampleBundle bundle = SampleData.load();
        TrafficSample sample = bundle.traffic().stream().filter(t -> t.name().equals("support-desk")).findFirst()
                .map(NamedTraffic::sample).orElseThrow();
        Simulator sim = new Simulator(Routers.standard(), 1);
        Scenario free = base(bundle, sample, 1.0);
        PreparedScenario p = PreparedScenario.of(free);
        SimulationResult freeRun = sim.run(p, free, RunControl.NONE);
        double l = Math.floor(0.8 * freeRun.latency().latencyP95Ms().mean());
        assertPremise(p, sample, l);
        LatencyTarget latency = LatencyTarget.of(l, PERCENTILE);
        List<String> tiers = sample.hasSlaTiers() ? sample.slaTiers().values() : List.of();
        TwoConstraintFit rows = TwoConstraintOracle.fitted(TAU, latency, tiers, p.pool(), TwoConstraintFit.Resolution.ROW);
        TwoConstraintFit cells = TwoConstraintOracle.fitted(TAU, latency, tiers, p.pool(), TwoConstraintFit.Resolution.CELL);
        TwoConstraintFit categories = TwoConstraintOracle.fitted(TAU, latency, tiers, p.pool(),
                TwoConstraintFit.Resolution.CATEGORY);
        for (TwoConstraintFit f : List.of(rows, cells, categories)) {
            assertTrue(f.feasible() && f.meanScore() >= TAU, "the bound meets both terms on the pool: " + f);
            for (int slot = 0; slot < f.slots(); slot++) {
                assertTrue(!(f.exceedance(slot) > 1 - PERCENTILE), "tier slot " + slot + " within its L: " + f);
            }
            assertTrue(f.dualBound() <= f.meanCost() + 1e-12, "the dual is below the fitted choices' cost: " + f);
        }
        // coarser features can only cost more: per query <= per (category, tier, length) <= per (category, tier)
        assertTrue(rows.dualBound() <= cells.dualBound() + 1e-12 && cells.dualBound() <= categories.dualBound() + 1e-12,
                rows + " / " + cells + " / " + categories);
        double norm = p.costScale.normaliser();
        double bound = cells.dualBound() * norm;
        all.append(String.format(Locale.ROOT, "L %.0f ms (free p95 %.0f); two-constraint bound per (category, tier, length)"
                + " %.7f USD/req, per (category, tier) %.7f, per query %.7f%n", l, freeRun.latency().latencyP95Ms().mean(),
                bound, categories.dualBound() * norm, rows.dualBound() * norm));
        List<Outcome> out = new ArrayList<>();
        for (double q : new double[] {1.0, 0.2}) {
            List<String> constraints = new ArrayList<>();
            List<String> qualityWindows = new ArrayList<>();
            List<String> costs = new ArrayList<>();
            Scenario s = base(bundle, sample, q).withLatency(latency);
            SimulationResult r = sim.run(p, s, RunControl.NONE);
            int windows = 0;
            int breached = 0;
            int latWindows = 0;
            double latMet = 0;
            for (ReplicationResult rep : r.replications()) {
                String at = String.format(Locale.ROOT, "q %.1f seed %d", q, rep.replication());
                double over = rep.latency().overTargetShare();
                all.append(String.format(Locale.ROOT, "  %s: satisfaction %.4f, share over L %.4f, latency windows met %.2f of %d,"
                        + " quality windows met %d of %d, cost %.7f (%.2f x bound)%n", at, rep.meanSatisfaction(), over,
                        rep.latency().windowCompliance(), rep.latency().windowsJudged(), rep.scenarioWindows().met(),
                        rep.scenarioWindows().windows(), rep.costPerRequest(), rep.costPerRequest() / bound));
                if (rep.meanSatisfaction() < TAU) {
                    constraints.add(at + ": cumulative satisfaction " + rep.meanSatisfaction());
                }
                if (over > 1 - PERCENTILE) {
                    constraints.add(at + ": share over L " + over);
                }
                windows += rep.scenarioWindows().windows();
                breached += rep.scenarioWindows().windows() - rep.scenarioWindows().met();
                latWindows += rep.latency().windowsJudged();
                latMet += rep.latency().windowCompliance() * rep.latency().windowsJudged();
            }
            double first = WindowContract.firstWindowCost(r);
            double firstShare = firstWindowShare(r);
            double learning = Math.max(0, first - bound) * firstShare;
            double cost = r.costPerRequest().mean();
            // what the satisfaction the router delivered (tau plus its window margin and pacing) costs at best: the
            // part of the gap that is the price of the 5% window risk, not of routing (decision 1411)
            double delivered = r.meanSatisfaction().mean();
            double boundAtDelivered = TwoConstraintOracle.fitted(delivered, latency, tiers, p.pool(),
                    TwoConstraintFit.Resolution.CELL).dualBound() * norm;
            String figures = String.format(Locale.ROOT, "q %.1f: cost %.7f = %.2f x bound; allowed 1.1 x bound + learning %.7f ="
                    + " %.7f (first window %.7f on %.2f of the requests, later windows %.7f = %.2f x bound); quality windows"
                    + " breached %d/%d, latency windows met %.0f/%d; satisfaction delivered %.4f, whose cell bound is %.7f ="
                    + " %.2f x bound", q, cost, cost / bound, learning, 1.1 * bound + learning, first, firstShare,
                    WindowContract.laterWindowsCost(r), WindowContract.laterWindowsCost(r) / bound, breached, windows, latMet,
                    latWindows, delivered, boundAtDelivered, boundAtDelivered / bound);
            all.append(figures).append('\n');
            if (latWindows == 0 || latMet < (1 - MAX_BREACH_SHARE) * latWindows - 1e-9) {
                constraints.add("q " + q + ": latency windows met " + latMet + "/" + latWindows);
            }
            if (breached > MAX_BREACH_SHARE * windows) {
                qualityWindows.add("q " + q + ": quality windows breached " + breached + "/" + windows);
            }
            if (cost > 1.1 * bound + learning) {
                costs.add(String.format(Locale.ROOT, "q %.1f: cost %.7f above 1.1 x bound %.7f + learning %.7f", q, cost, bound,
                        learning));
            }
            out.add(new Outcome(q, constraints, qualityWindows, costs, figures));
        }
        System.out.print(all);
        return out;
    }

    /**
     * What holds today: both terms cumulatively in every seed and the latency term per window, for q in {1, 0.2}; the
     * quality term per window at q = 1. (The quality windows at q = 0.2 and the cost are the done-when's remaining
     * parts, {@link #issue14DoneWhen}.)
     */
    @Test
    void slaRouterHoldsBothTermsCumulativelyAndLatencyPerWindow() throws Exception {
        StringBuilder all = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Outcome o : run(all)) {
            failures.addAll(o.constraintFailures());
            if (o.q() == 1.0) {
                failures.addAll(o.qualityWindowFailures());
            }
        }
        assertTrue(failures.isEmpty(), failures + "\n" + all);
    }

    /**
     * Issue 14's done-when in full. Not met (measured 2026-12-02, sample data 1.2, L = 2753 ms, with decision 1411's
     * cost-aware exploration): SLARouter costs 3.29x the two-constraint cell bound at q = 1 (later windows 3.05x) and
     * 5.84x at q = 0.2 (later windows 6.18x); allowed is 1.1x plus the first window's learning, about 1.8x, which leaves
     * the windows after the first 1.13x the bound. At q = 0.2, 5 of 20 weekly quality windows breach. Out of reach as
     * stated for a router that keeps issue 10's 5% window risk: the satisfaction the router has to deliver for that
     * (0.9044 at q = 1, 0.9081 at q = 0.2) already costs 1.12x / 1.25x the bound at tau in hindsight (the figures
     * print it), before any learning. With the {@code category-length} predictor (decision 1410) the same run costs
     * 2.87x / 5.63x. See docs/decisions/1402-two-constraint-oracle.md and 1411-dominated-exploration.md.
     */
    @Test
    @org.junit.jupiter.api.Disabled("issue 14 done-when not met: cost 3.29x / 5.84x the two-constraint bound (q 1 / 0.2),"
            + " q 0.2 quality windows 5/20 breached; the 5% window margin alone costs 1.12x / 1.25x; see the Javadoc, decisions"
            + " 1402 and 1411")
    void issue14DoneWhen() throws Exception {
        StringBuilder all = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Outcome o : run(all)) {
            failures.addAll(o.constraintFailures());
            failures.addAll(o.qualityWindowFailures());
            failures.addAll(o.costFailures());
        }
        assertTrue(failures.isEmpty(), failures + "\n" + all);
    }

    /** Share of the run's requests in the first SLA window (replication mean). */
    static double firstWindowShare(SimulationResult r) {
        double sum = 0;
        for (ReplicationResult rep : r.replications()) {
            sum += WindowContract.firstWindow(rep, r.scenario().window(), r.scenario().windowRequests())[0]
                    / rep.representedRequests();
        }
        return sum / r.replications().size();
    }

    /**
     * The test's premise: by the catalog's latency profile, the slowest model at a long prompt (the sample's 90th
     * percentile of input tokens) exceeds L more often than the target allows, so the target excludes it there.
     */
    static void assertPremise(PreparedScenario p, TrafficSample sample, double l) {
        int[] tokens = new int[sample.size()];
        for (int q = 0; q < tokens.length; q++) {
            tokens[q] = sample.inputTokens(q);
        }
        Arrays.sort(tokens);
        int longPrompt = tokens[(int) (0.9 * (tokens.length - 1))];
        LatencyPriors priors = p.latencyPriors();
        double worst = 0;
        int slowest = -1;
        for (int j = 0; j < priors.modelCount(); j++) {
            double q95 = LatencyModel.priorQuantileMs(priors, j, longPrompt, PERCENTILE, LatencyTarget.Metric.TTFT, 0);
            if (q95 > worst) {
                worst = q95;
                slowest = j;
            }
        }
        double e = LatencyModel.priorExceedance(priors, slowest, longPrompt, l, LatencyTarget.Metric.TTFT, 0);
        assertTrue(e > 1 - PERCENTILE, "premise: L " + l + " ms must exclude the slowest model (" + p.models.get(slowest)
                + ", prior p95 " + worst + " ms at " + longPrompt + " input tokens); it exceeds L with prior chance " + e);
    }
}
