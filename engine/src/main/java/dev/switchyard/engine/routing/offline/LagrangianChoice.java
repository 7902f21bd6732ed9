package dev.switchyard.engine.routing.offline;

/**
 * Rule L (spec section 1), argmin_m c_m - lambda * p_m, with optional per-model additive
 * multipliers (OmniRouter's capacity prices). Ties go to the lower model index so that results do
 * not depend on anything but the inputs.
 */
final class LagrangianChoice {
    private LagrangianChoice() {
    }

    static int argmin(double[] cost, int costOffset, double[] p, int pOffset, int models, double lambda, double[] extra) {
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int m = 0; m < models; m++) {
            double v = cost[costOffset + m] - lambda * p[pOffset + m] + (extra == null ? 0 : extra[m]);
            if (v < bestValue) {
                bestValue = v;
                best = m;
            }
        }
        return best;
    }
}
