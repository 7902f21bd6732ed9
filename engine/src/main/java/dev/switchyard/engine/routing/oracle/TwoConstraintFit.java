package dev.switchyard.engine.routing.oracle;

import dev.switchyard.engine.routing.LatencyModel;
import dev.switchyard.engine.routing.LatencyTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two-constraint SLA oracle's fit, in hindsight on the evaluation pool (docs/decisions/1402-two-constraint-oracle.md):
 * <pre>  minimise  mean cost  subject to  mean score >= tau,  and per tier k with a finite L_k:  mean P(latency > L_k) <= 1 - p</pre>
 * The Lagrangian has one quality multiplier lambda and one latency multiplier mu_k per tier; for given multipliers the
 * minimiser is, per unit, {@code argmin_m c_m - lambda s_m + mu_k e_m} (rule L with a latency charge). The multipliers
 * are found by nested bisection: for a lambda, each tier's mu_k is the smallest that brings that tier's exceedance down
 * to 1 - p (exceedance never rises with mu_k); lambda is the smallest whose choices, with those mu_k, reach tau. Both
 * constraints then hold for the fitted choices by construction (when they can be met at all).
 *
 * <p>A unit is either a pool row ({@link Resolution#ROW}: the hidden score and exceedance of that query, as the one-constraint
 * SLA oracle knows them) or a cell ({@link Resolution#CELL}: category x SLA tier x log2 prompt-length bucket, with the
 * cell's mean score, cost and exceedance: the cheapest any router that routes on those features could do knowing each
 * cell's truth). {@link #dualBound()} is the Lagrangian dual at the fitted multipliers, a lower bound on the cost of any
 * policy, randomised ones included, that meets both constraints in expectation on the pool (weak duality); the fitted
 * deterministic choices cost at least that.
 */
public final class TwoConstraintFit {
    /** Multipliers beyond this mean "cannot be met": a constraint then dominates every cost difference. */
    static final double CAP = 1e12;
    private static final int OUTER = 50;
    private static final int INNER = 40;

    /** What a unit of the fit is. */
    public enum Resolution {
        /** Each pool row (query): its own hidden score and exceedance. */
        ROW,
        /** Category x SLA tier x log2 prompt-length bucket. */
        CELL,
        /** Category x SLA tier: a policy that does not look at the prompt's length. */
        CATEGORY
    }

    private final int m;
    private final int units;
    private final double[] cost;
    private final double[] score;
    private final double[] exceed;
    private final double[] weight;
    private final int[] slotOf;
    private final int[] unitOfRow;
    private final int[][] slotUnits;
    private final double[] slotWeight;
    private final boolean[] constrained;
    private final double tau;
    private final double allowed;
    private final double totalWeight;
    private final double[] mu;
    private final int[] choice;
    private double lambda;
    private boolean qualityMet = true;
    private final boolean[] latencyMet;
    private double dualBound;
    private double meanCost;
    private double meanScore;
    private final double[] slotExceedance;

    /**
     * @param tau the quality target
     * @param latency the latency term (active)
     * @param tiers the SLA tier names in the pool's tier order (empty: no tiers)
     */
    public static TwoConstraintFit fit(double tau, LatencyTarget latency, List<String> tiers, HindsightPool pool,
            Resolution resolution) {
        return new TwoConstraintFit(tau, latency, tiers, pool, resolution);
    }

    private TwoConstraintFit(double tau, LatencyTarget latency, List<String> tiers, HindsightPool pool, Resolution resolution) {
        this.m = pool.modelCount();
        this.tau = tau;
        this.allowed = 1 - latency.percentile();
        int slots = tiers.size() + 1;
        double[] slotL = new double[slots];
        List<Double> distinct = new ArrayList<>();
        int[] group = new int[slots];
        List<double[]> groupExceed = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            slotL[s] = s == 0 ? latency.targetMs() : latency.targetMs(tiers.get(s - 1));
            int g = distinct.indexOf(slotL[s]);
            if (g < 0) {
                g = distinct.size();
                distinct.add(slotL[s]);
                double[] e = Double.isFinite(slotL[s]) ? pool.exceedances(slotL[s], latency.metric()) : null;
                groupExceed.add(e);
            }
            group[s] = g;
        }
        int rows = pool.size();
        this.unitOfRow = new int[rows];
        int[] rowSlot = new int[rows];
        for (int r = 0; r < rows; r++) {
            int t = pool.slaTier(r) + 1;
            rowSlot[r] = t > 0 && t < slots ? t : 0;
        }
        int[] cellIndex;
        int nUnits;
        if (resolution == Resolution.ROW) {
            nUnits = rows;
            for (int r = 0; r < rows; r++) {
                unitOfRow[r] = r;
            }
        } else {
            // cells: (category, slot, bucket), numbered in order of first appearance
            java.util.HashMap<Long, Integer> ids = new java.util.HashMap<>();
            for (int r = 0; r < rows; r++) {
                long key = ((long) pool.category(r) * slots + rowSlot[r]) * LatencyModel.BUCKETS
                        + (resolution == Resolution.CELL ? LatencyModel.bucket(pool.inputTokens(r)) : 0);
                Integer id = ids.get(key);
                if (id == null) {
                    id = ids.size();
                    ids.put(key, id);
                }
                unitOfRow[r] = id;
            }
            nUnits = ids.size();
        }
        this.units = nUnits;
        this.cost = new double[units * m];
        this.score = new double[units * m];
        this.exceed = new double[units * m];
        this.weight = new double[units];
        this.slotOf = new int[units];
        for (int r = 0; r < rows; r++) {
            int u = unitOfRow[r];
            double w = pool.weight(r);
            if (!(w > 0)) {
                continue;
            }
            slotOf[u] = rowSlot[r];
            weight[u] += w;
            double[] e = groupExceed.get(group[rowSlot[r]]);
            for (int j = 0; j < m; j++) {
                cost[u * m + j] += w * pool.normalisedRealisedCost(r, j);
                score[u * m + j] += w * pool.score(r, j);
                exceed[u * m + j] += e == null ? 0 : w * e[r * m + j];
            }
        }
        double tw = 0;
        this.slotWeight = new double[slots];
        int[] count = new int[slots];
        for (int u = 0; u < units; u++) {
            if (weight[u] > 0) {
                for (int j = 0; j < m; j++) {
                    cost[u * m + j] /= weight[u];
                    score[u * m + j] /= weight[u];
                    exceed[u * m + j] /= weight[u];
                }
                tw += weight[u];
                slotWeight[slotOf[u]] += weight[u];
                count[slotOf[u]]++;
            }
        }
        this.totalWeight = tw;
        this.slotUnits = new int[slots][];
        for (int s = 0; s < slots; s++) {
            slotUnits[s] = new int[count[s]];
        }
        int[] fill = new int[slots];
        for (int u = 0; u < units; u++) {
            if (weight[u] > 0) {
                slotUnits[slotOf[u]][fill[slotOf[u]]++] = u;
            }
        }
        this.constrained = new boolean[slots];
        for (int s = 0; s < slots; s++) {
            constrained[s] = Double.isFinite(slotL[s]) && slotWeight[s] > 0 && groupExceed.get(group[s]) != null;
        }
        this.mu = new double[slots];
        this.latencyMet = new boolean[slots];
        this.slotExceedance = new double[slots];
        this.choice = new int[units];
        solve();
    }

    private void solve() {
        lambda = 0;
        if (meanScoreAt(0) < tau) {
            double hi = 1;
            while (meanScoreAt(hi) < tau && hi < CAP) {
                hi *= 4;
            }
            if (hi >= CAP) {
                hi = CAP;
                qualityMet = false;
            } else {
                double lo = 0;
                for (int i = 0; i < OUTER; i++) {
                    double mid = (lo + hi) / 2;
                    if (meanScoreAt(mid) >= tau) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
            }
            lambda = hi;
        }
        fitMu(lambda);
        double sumCost = 0;
        double sumScore = 0;
        double dual = 0;
        double[] slotExc = new double[mu.length];
        for (int u = 0; u < units; u++) {
            if (weight[u] == 0) {
                continue;
            }
            int j = choose(u, lambda, mu[slotOf[u]]);
            choice[u] = j;
            int k = u * m + j;
            sumCost += weight[u] * cost[k];
            sumScore += weight[u] * score[k];
            slotExc[slotOf[u]] += weight[u] * exceed[k];
            dual += weight[u] * (cost[k] - lambda * score[k] + mu[slotOf[u]] * exceed[k]);
        }
        meanCost = sumCost / totalWeight;
        meanScore = sumScore / totalWeight;
        dual = dual / totalWeight + lambda * tau;
        boolean all = qualityMet;
        for (int s = 0; s < mu.length; s++) {
            slotExceedance[s] = slotWeight[s] > 0 ? slotExc[s] / slotWeight[s] : Double.NaN;
            if (constrained[s]) {
                dual -= mu[s] * allowed * slotWeight[s] / totalWeight;
                all &= latencyMet[s];
            }
        }
        dualBound = all ? dual : Double.NaN;
    }

    /** Mean score of the choices at {@code l} with each tier's mu fitted to its latency term at that lambda. */
    private double meanScoreAt(double l) {
        fitMu(l);
        double sum = 0;
        for (int u = 0; u < units; u++) {
            if (weight[u] > 0) {
                sum += weight[u] * score[u * m + choose(u, l, mu[slotOf[u]])];
            }
        }
        return sum / totalWeight;
    }

    private void fitMu(double l) {
        for (int s = 0; s < mu.length; s++) {
            mu[s] = 0;
            latencyMet[s] = true;
            if (!constrained[s] || slotExceedanceAt(s, l, 0) <= allowed) {
                continue;
            }
            double hi = 1;
            while (slotExceedanceAt(s, l, hi) > allowed && hi < CAP) {
                hi *= 4;
            }
            if (hi >= CAP) {
                mu[s] = CAP;
                latencyMet[s] = false;
                continue;
            }
            double lo = 0;
            for (int i = 0; i < INNER; i++) {
                double mid = (lo + hi) / 2;
                if (slotExceedanceAt(s, l, mid) <= allowed) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            mu[s] = hi;
        }
    }

    private double slotExceedanceAt(int s, double l, double mu) {
        double sum = 0;
        for (int u : slotUnits[s]) {
            sum += weight[u] * exceed[u * m + choose(u, l, mu)];
        }
        return sum / slotWeight[s];
    }

    private int choose(int u, double l, double mu) {
        int base = u * m;
        int best = 0;
        double bestValue = cost[base] - l * score[base] + mu * exceed[base];
        for (int j = 1; j < m; j++) {
            double v = cost[base + j] - l * score[base + j] + mu * exceed[base + j];
            if (v < bestValue) {
                best = j;
                bestValue = v;
            }
        }
        return best;
    }

    /** The fitted choice for pool row {@code row}. */
    public int choice(int row) {
        return choice[unitOfRow[row]];
    }

    /** The quality multiplier lambda ({@value #CAP} when tau cannot be met together with the latency term). */
    public double lambda() {
        return lambda;
    }

    /** The latency multiplier of tier slot {@code slot} (0: untiered, i: tier i - 1); 0 for a tier without L. */
    public double mu(int slot) {
        return mu[slot];
    }

    public int slots() {
        return mu.length;
    }

    /** True when both constraints can be met on the pool (then the fitted choices meet them). */
    public boolean feasible() {
        if (!qualityMet) {
            return false;
        }
        for (int s = 0; s < mu.length; s++) {
            if (constrained[s] && !latencyMet[s]) {
                return false;
            }
        }
        return true;
    }

    /** The Lagrangian dual at the fitted multipliers: a lower bound on normalised cost per request; NaN when infeasible. */
    public double dualBound() {
        return dualBound;
    }

    /** Mean normalised cost of the fitted choices on the pool. */
    public double meanCost() {
        return meanCost;
    }

    /** Mean score of the fitted choices on the pool (>= tau when feasible). */
    public double meanScore() {
        return meanScore;
    }

    /** Mean P(latency > L) of the fitted choices in tier slot {@code slot} (<= 1 - p when feasible). */
    public double exceedance(int slot) {
        return slotExceedance[slot];
    }

    /** Units of the fit (pool rows or cells). */
    public int units() {
        return units;
    }

    @Override
    public String toString() {
        return "TwoConstraintFit[lambda=" + lambda + ", mu=" + Arrays.toString(mu) + ", meanScore=" + meanScore
                + ", exceedance=" + Arrays.toString(slotExceedance) + ", meanCost=" + meanCost + ", dualBound=" + dualBound + "]";
    }
}
