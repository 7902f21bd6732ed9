package dev.switchyard.engine.plan;

import dev.switchyard.engine.sim.ReplicationResult;
import dev.switchyard.engine.sim.SimulationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the planner keeps of a run: per replication the day, month and tier counts it judges
 * windows from, plus the run's headline figures. A timeline with pool changes is several runs (one
 * per stretch of months with the same pool) joined end to end.
 *
 * @param parts the simulation results it was built from, in month order (for blocks of replications joined
 *     with {@link #ofBlocks}, each block's in turn)
 */
record Outcome(String router, String displayName, boolean reconstructed, Map<String, String> params, int months,
        List<Rep> reps, List<SimulationResult> parts) {

    /**
     * One replication's counts over the whole horizon.
     *
     * @param windows the run's own N-request windows {total, met} (only meaningful for a single part)
     */
    record Rep(double represented, double satisfied, double totalCost, double[] dayRequests, double[] daySatisfied,
            double[] monthCost, double[] tierRequests, double[] tierSatisfied, double[] tierDayRequests, double[] tierDaySatisfied,
            int tiers, int[] windows, List<ReplicationResult> parts) {

        int days() {
            return dayRequests.length;
        }
    }

    static Outcome of(SimulationResult r) {
        return join(List.of(r));
    }

    /** Joins consecutive stretches of one horizon (same router, same replications, same sample). */
    static Outcome join(List<SimulationResult> parts) {
        SimulationResult first = parts.get(0);
        int reps = first.replications().size();
        int months = 0;
        for (SimulationResult p : parts) {
            if (p.replications().size() != reps) {
                throw new IllegalStateException("stretches of one horizon have different replication counts");
            }
            months += p.months().size();
        }
        List<Rep> out = new ArrayList<>();
        for (int k = 0; k < reps; k++) {
            double represented = 0;
            double satisfied = 0;
            double cost = 0;
            List<double[]> dr = new ArrayList<>();
            List<double[]> ds = new ArrayList<>();
            List<double[]> mc = new ArrayList<>();
            ReplicationResult r0 = first.replications().get(k);
            int tiers = r0.tierRequests().length;
            double[] tierReq = new double[tiers];
            double[] tierSat = new double[tiers];
            List<double[]> tdr = new ArrayList<>();
            List<double[]> tds = new ArrayList<>();
            int[] windows = {0, 0};
            List<ReplicationResult> repParts = new ArrayList<>();
            for (SimulationResult p : parts) {
                ReplicationResult r = p.replications().get(k);
                repParts.add(r);
                represented += r.representedRequests();
                satisfied += r.satisfied();
                cost += r.totalCost();
                dr.add(r.dayRequests());
                ds.add(r.daySatisfied());
                mc.add(r.monthCost());
                for (int t = 0; t < tiers; t++) {
                    tierReq[t] += r.tierRequests()[t];
                    tierSat[t] += r.tierSatisfied()[t];
                }
                tdr.add(r.tierDayRequests());
                tds.add(r.tierDaySatisfied());
                windows[0] += r.scenarioWindows().windows();
                windows[1] += r.scenarioWindows().met();
            }
            double[] dayReq = concat(dr);
            int days = dayReq.length;
            out.add(new Rep(represented, satisfied, cost, dayReq, concat(ds), concat(mc), tierReq, tierSat,
                    concatTiers(tdr, tiers, days), concatTiers(tds, tiers, days), tiers, windows, List.copyOf(repParts)));
        }
        return new Outcome(first.scenario().router(), first.router().displayName(), first.router().reconstructed(),
                first.scenario().routerParameters(), months, out, List.copyOf(parts));
    }

    /**
     * Consecutive blocks of replications of one setting (e.g. the first replication, then the rest) as one
     * outcome, in block order: the same replications a single run of them all gives.
     */
    static Outcome ofBlocks(List<Outcome> blocks) {
        if (blocks.size() == 1) {
            return blocks.get(0);
        }
        Outcome first = blocks.get(0);
        List<Rep> reps = new ArrayList<>();
        List<SimulationResult> parts = new ArrayList<>();
        for (Outcome b : blocks) {
            if (b.months() != first.months() || !b.router().equals(first.router())) {
                throw new IllegalStateException("blocks of replications of different runs");
            }
            reps.addAll(b.reps());
            parts.addAll(b.parts());
        }
        return new Outcome(first.router(), first.displayName(), first.reconstructed(), first.params(), first.months(),
                List.copyOf(reps), List.copyOf(parts));
    }

    private static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        double[] out = new double[n];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    /** Tier-major arrays {@code [tier * days + day]} of each part joined into one over all days. */
    private static double[] concatTiers(List<double[]> parts, int tiers, int days) {
        double[] out = new double[tiers * days];
        int offset = 0;
        for (double[] a : parts) {
            int partDays = tiers == 0 ? 0 : a.length / tiers;
            for (int t = 0; t < tiers; t++) {
                System.arraycopy(a, t * partDays, out, t * days + offset, partDays);
            }
            offset += partDays;
        }
        return out;
    }

    double meanSatisfaction() {
        return reps.stream().mapToDouble(r -> r.satisfied() / r.represented()).average().orElse(Double.NaN);
    }

    double meanTotalCost() {
        return reps.stream().mapToDouble(Rep::totalCost).average().orElse(Double.NaN);
    }

    double costPer1000() {
        return reps.stream().mapToDouble(r -> 1000 * r.totalCost() / r.represented()).average().orElse(Double.NaN);
    }

    double[] meanMonthCost() {
        double[] out = new double[months];
        for (Rep r : reps) {
            for (int mo = 0; mo < months; mo++) {
                out[mo] += r.monthCost()[mo] / reps.size();
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return router + " " + params + " over " + months + " months, " + reps.size() + " replication(s) " + Arrays.toString(meanMonthCost());
    }
}
