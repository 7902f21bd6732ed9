package dev.switchyard.engine.routing;

import java.util.Arrays;

/**
 * Per-model price facts a router may know: the mean expected cost of each model on the sample (USD
 * per request), the normaliser (the largest of those means, spec section 1) and where the prices
 * come from.
 */
public final class CostScale {
    private final double[] meanExpectedCost;
    private final double normaliser;
    private final String basis;

    public CostScale(double[] meanExpectedCost, String basis) {
        if (meanExpectedCost.length == 0) {
            throw new IllegalArgumentException("cost scale needs at least one model");
        }
        double max = 0;
        for (double c : meanExpectedCost) {
            if (!Double.isFinite(c) || c < 0) {
                throw new IllegalArgumentException("mean expected cost must be finite and >= 0, got " + c);
            }
            max = Math.max(max, c);
        }
        this.meanExpectedCost = meanExpectedCost.clone();
        // all-free pools (e.g. self-hosted with no price) still need a positive scale
        this.normaliser = max > 0 ? max : 1.0;
        this.basis = basis == null ? "" : basis;
    }

    public int modelCount() {
        return meanExpectedCost.length;
    }

    /** Mean expected cost per request of {@code model} on the sample, USD. */
    public double meanExpectedCost(int model) {
        return meanExpectedCost[model];
    }

    /** Mean expected cost of {@code model} divided by {@link #normaliser()} (1.0 for the dearest model). */
    public double meanNormalisedCost(int model) {
        return meanExpectedCost[model] / normaliser;
    }

    /** USD: the mean cost of the most expensive model on the sample. */
    public double normaliser() {
        return normaliser;
    }

    /** e.g. "price sheet list-2026-06" or "recorded costs in routerbench.csv". */
    public String basis() {
        return basis;
    }

    /** Model indices from cheapest to dearest by mean expected cost (ties by index). */
    public int[] cheapestFirst() {
        Integer[] order = new Integer[meanExpectedCost.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(meanExpectedCost[a], meanExpectedCost[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = order[i];
        }
        return out;
    }
}
