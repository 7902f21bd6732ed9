package dev.switchyard.engine.routing.offline;

import java.util.List;

/**
 * How a router responds to its target over a grid of targets (spec section 4, "over a tau grid"):
 * for each tau the achieved satisfaction on held-out data and the cost, then the floor-compliance
 * rate (share of taus where satisfaction >= tau), the tau-response correlation (Pearson, between
 * the targets and the achieved satisfaction) and the mean overshoot (mean of satisfaction - tau;
 * negative when the router falls short on average). PROTEUS reports 100% floor compliance and a
 * correlation of 0.97-0.98; OmniRouter 22% compliance.
 *
 * @param points one per target, in the order given
 * @param floorComplianceRate share of points with {@code achieved >= tau}, in [0,1]
 * @param tauResponseCorrelation Pearson correlation of tau and achieved; NaN when either is constant
 * @param meanOvershoot mean of {@code achieved - tau}
 * @param worstShortfall largest {@code tau - achieved} (0 when every floor is met)
 */
public record TauGridReport(List<Point> points, double floorComplianceRate, double tauResponseCorrelation,
                            double meanOvershoot, double worstShortfall) {

    /**
     * @param tau the target
     * @param achieved mean satisfaction on held-out data (hidden truth)
     * @param costPerRequest mean cost per request (USD)
     */
    public record Point(double tau, double achieved, double costPerRequest) {
        public Point {
            if (!(tau > 0 && tau < 1)) {
                throw new IllegalArgumentException("tau must be in (0,1), got " + tau);
            }
            if (!(achieved >= 0 && achieved <= 1)) {
                throw new IllegalArgumentException("achieved satisfaction must be in [0,1], got " + achieved);
            }
            if (!(costPerRequest >= 0) || !Double.isFinite(costPerRequest)) {
                throw new IllegalArgumentException("cost per request must be finite and >= 0, got " + costPerRequest);
            }
        }

        public boolean meetsFloor() {
            return achieved >= tau;
        }
    }

    public TauGridReport {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a tau grid report needs at least one point");
        }
    }

    /** Evaluates a router over {@code taus}. */
    public interface Evaluator {
        /** The router's held-out result at target {@code tau}. */
        Point evaluate(double tau);
    }

    /** Runs {@code evaluator} at every tau of the grid and summarises. */
    public static TauGridReport over(double[] taus, Evaluator evaluator) {
        Point[] pts = new Point[taus.length];
        for (int i = 0; i < taus.length; i++) {
            pts[i] = evaluator.evaluate(taus[i]);
        }
        return of(List.of(pts));
    }

    /** The summary of already evaluated points. */
    public static TauGridReport of(List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a tau grid report needs at least one point");
        }
        int n = points.size();
        int met = 0;
        double over = 0;
        double worst = 0;
        double mt = 0;
        double ma = 0;
        for (Point p : points) {
            met += p.meetsFloor() ? 1 : 0;
            over += p.achieved() - p.tau();
            worst = Math.max(worst, p.tau() - p.achieved());
            mt += p.tau();
            ma += p.achieved();
        }
        mt /= n;
        ma /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (Point p : points) {
            double dx = p.tau() - mt;
            double dy = p.achieved() - ma;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double corr = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
        return new TauGridReport(points, (double) met / n, corr, over / n, worst);
    }

    /** The grid {@code from, from + step, ..., to} (inclusive, rounded to 1e-9). */
    public static double[] grid(double from, double to, double step) {
        if (!(step > 0) || !(to >= from)) {
            throw new IllegalArgumentException("need from <= to and step > 0, got " + from + ".." + to + " step " + step);
        }
        int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.round((from + i * step) * 1e9) / 1e9;
        }
        return g;
    }

    /** One-line summary for the CLI and logs. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "floor compliance %.0f%% (%d taus), tau-response correlation %.3f, mean overshoot %+.4f, worst shortfall %.4f",
                100 * floorComplianceRate, points.size(), tauResponseCorrelation, meanOvershoot, worstShortfall);
    }
}
