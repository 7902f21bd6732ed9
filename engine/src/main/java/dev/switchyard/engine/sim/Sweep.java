package dev.switchyard.engine.sim;

import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A grid of scenarios: price sheet x router x tau x feedback rate, each with the base scenario's
 * replications. Every (point, replication) is one task on a pool of all cores; preparation is
 * shared per price sheet, and results are assembled in grid order, so the output is the same for
 * any thread count.
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * @param base everything but the swept dimensions (its router, target, rate and prices are replaced)
     * @param priceSheets sheets to sweep over; an empty list means the base scenario's prices
     * @param routers router names
     * @param targets tau values
     * @param feedbackRates q values (the base scenario's feedback kind, f, delay are kept; the router assumes the true q)
     */
    public record Grid(Scenario base, List<PriceSheet> priceSheets, List<String> routers, List<Double> targets,
            List<Double> feedbackRates) {
        public Grid {
            priceSheets = List.copyOf(priceSheets);
            routers = List.copyOf(routers);
            targets = List.copyOf(targets);
            feedbackRates = List.copyOf(feedbackRates);
            if (routers.isEmpty() || targets.isEmpty() || feedbackRates.isEmpty()) {
                throw new IllegalArgumentException("a sweep needs at least one router, one target and one feedback rate");
            }
        }

        public int points() {
            return Math.max(1, priceSheets.size()) * routers.size() * targets.size() * feedbackRates.size();
        }
    }

    /** One grid point's outcome. */
    public record Point(String priceSheet, String router, double target, double feedbackRate, SimulationResult result) {
    }

    /**
     * Over the tau grid, for one (price sheet, router, feedback rate): floor-compliance rate (share
     * of targets met on the hidden truth), tau-response correlation (Pearson, targets vs realised
     * satisfaction) and mean overshoot (realised minus target).
     */
    public record TargetResponse(String priceSheet, String router, double feedbackRate, double floorComplianceRate,
            double targetResponseCorrelation, double meanOvershoot) {
    }

    /**
     * @param warnings distinct warnings of the grid's points (e.g. a false-report rate that does not fit a swept q),
     *     each once, in grid order
     */
    public record Result(List<Point> points, List<TargetResponse> targetResponses, double seconds, int threads,
            List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    public static Result run(Grid grid, Simulator simulator, int threads, RunControl control) throws CostTable.UnpricedModelsException {
        return run(grid, simulator, threads, control, true);
    }

    /**
     * @param shareAcrossFeedback true: the points that differ only in the feedback rate are simulated once per
     *     replication for a router that does not read feedback (decision 1050); false: every point on its own (the
     *     test of that shortcut compares the two, field by field)
     */
    static Result run(Grid grid, Simulator simulator, int threads, RunControl control, boolean shareAcrossFeedback)
            throws CostTable.UnpricedModelsException {
        long t0 = System.nanoTime();
        List<PriceSheet> sheets = grid.priceSheets().isEmpty() ? java.util.Collections.singletonList(grid.base().prices())
                : grid.priceSheets();
        List<Scenario> scenarios = new ArrayList<>();
        List<String> sheetNames = new ArrayList<>();
        List<PreparedScenario> prepared = new ArrayList<>();
        java.util.Set<String> warnings = new java.util.LinkedHashSet<>();
        for (PriceSheet sheet : sheets) {
            Scenario withSheet = grid.base().withPrices(sheet);
            PreparedScenario p = PreparedScenario.of(withSheet, simulator.registry());
            String sheetName = sheet == null ? "recorded costs" : sheet.label();
            for (String router : grid.routers()) {
                simulator.registry().descriptor(router);
                for (double tau : grid.targets()) {
                    for (double q : grid.feedbackRates()) {
                        Scenario.Feedback fb = grid.base().feedback();
                        // the true f is kept where it fits the swept q (f < q); where it does not, it is capped
                        // at q/2 and the sweep says so (it used to be capped at q/2 everywhere, silently)
                        double f = fb.falseReportRate();
                        if (!(f < q)) {
                            warnings.add("false-report rate capped: f = " + Scenario.num(f) + " does not fit feedback rate q = "
                                    + Scenario.num(q) + " (f must be below q); points at q = " + Scenario.num(q) + " simulate f = "
                                    + Scenario.num(q / 2));
                            f = q / 2;
                        }
                        Scenario.Feedback swept = new Scenario.Feedback(fb.kind(), q, f, fb.delayRequests(), Double.NaN,
                                Double.NaN);
                        RouterParameters params = router.equals(grid.base().router()) ? grid.base().routerParameters()
                                : RouterParameters.none();
                        scenarios.add(withSheet.withRouter(router, params).withTarget(tau).withFeedback(swept));
                        sheetNames.add(sheetName);
                        prepared.add(p);
                    }
                }
            }
        }
        int reps = grid.base().replications();
        int tasks = scenarios.size() * reps;
        // the feedback rates are the innermost loop: a group is one (sheet, router, target) at every swept rate
        int groupSize = shareAcrossFeedback ? grid.feedbackRates().size() : 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads, Simulator.daemonThreads());
        List<Future<List<ReplicationResult>>> futures = new ArrayList<>(tasks / groupSize);
        AtomicInteger done = new AtomicInteger();
        try {
            // decision 1030: what every run would otherwise wait for, first and in parallel, the longest first: each
            // offline router's trainings (one task per router and replication, its targets in grid order, so the
            // replications' trainings run side by side instead of one thread waiting for another's), then the bounds'
            // fits (one per target). The runs that follow recall them; a run that comes early computes or waits for
            // the same value, so the order changes when work is done, never a result.
            for (Runnable r : fixedCosts(scenarios, prepared, simulator, reps, control)) {
                pool.execute(r);
            }
            for (int g = 0; g < scenarios.size(); g += groupSize) {
                List<Scenario> members = scenarios.subList(g, g + groupSize);
                PreparedScenario p = prepared.get(g);
                for (int r = 0; r < reps; r++) {
                    int rep = r;
                    futures.add(pool.submit(() -> {
                        List<ReplicationResult> res = groupSize == 1
                                ? List.of(simulator.replication(p, members.get(0), rep, null, control))
                                : simulator.replicationAcrossFeedback(p, members, rep, control);
                        control.progress(done.addAndGet(members.size()), tasks);
                        return res;
                    }));
                }
            }
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                List<ReplicationResult> results = new ArrayList<>(reps);
                for (int r = 0; r < reps; r++) {
                    results.add(Simulator.get(futures.get(i / groupSize * reps + r)).get(i % groupSize));
                }
                Scenario s = scenarios.get(i);
                RouterDescriptor d = simulator.registry().descriptor(s.router());
                SimulationResult agg = Aggregation.aggregate(prepared.get(i), s, d, results);
                points.add(new Point(sheetNames.get(i), s.router(), s.sla().target(), s.feedback().rate(), slim(agg)));
                warnings.addAll(agg.warnings());
            }
            return new Result(points, targetResponses(points), (System.nanoTime() - t0) / 1e9, threads, List.copyOf(warnings));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The grid's fixed costs as tasks, longest first: per (preparation, offline router, replication) one task that
     * builds the router for each of its grid points in order (its training and calibrations are remembered, {@code
     * Simulator#buildOffline}); then per (preparation, target, latency term, mix shift) the SLA bound's fits before
     * and after the shift, exactly those a run reads. A task that fails is left to the run that needs the same value:
     * it computes it again and reports the failure where it belongs.
     */
    private static List<Runnable> fixedCosts(List<Scenario> scenarios, List<PreparedScenario> prepared,
            Simulator simulator, int reps, RunControl control) {
        Map<List<Object>, List<Integer>> builds = new LinkedHashMap<>();
        Map<List<Object>, Integer> fits = new LinkedHashMap<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            RouterDescriptor d = simulator.registry().descriptor(s.router());
            Preparations.Same p = new Preparations.Same(prepared.get(i));
            if (d.role() == RouterDescriptor.Role.OFFLINE && !d.isBound()) {
                builds.computeIfAbsent(List.of(p, s.router()), k -> new ArrayList<>()).add(i);
            }
            fits.putIfAbsent(java.util.Arrays.asList(p, s.sla().target(), s.latency(), s.mixShift()), i);
        }
        List<Runnable> out = new ArrayList<>();
        for (List<Integer> points : builds.values()) {
            for (int r = 0; r < reps; r++) {
                int rep = r;
                out.add(quietly(control, () -> {
                    for (int i : points) {
                        simulator.buildOffline(prepared.get(i), scenarios.get(i), rep);
                    }
                }));
            }
        }
        for (int i : fits.values()) {
            Scenario s = scenarios.get(i);
            PreparedScenario p = prepared.get(i);
            out.add(quietly(control, () -> {
                p.slaOracleCost(s.sla().target(), s.latency(), s.mixShift(), false);
                p.slaOracleCost(s.sla().target(), s.latency(), s.mixShift(), true);
            }));
        }
        return out;
    }

    private static Runnable quietly(RunControl control, Runnable work) {
        return () -> {
            if (control.isCancelled()) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                // deliberately dropped: the run that needs this value computes it again and reports the failure
            }
        };
    }

    /** Sweep results keep the aggregate, not every replication's day arrays (a 1,320-point sweep stays small). */
    private static SimulationResult slim(SimulationResult r) {
        return r.slim();
    }

    static List<TargetResponse> targetResponses(List<Point> points) {
        Map<String, List<Point>> groups = new LinkedHashMap<>();
        for (Point p : points) {
            groups.computeIfAbsent(p.priceSheet() + "\u0000" + p.router() + "\u0000" + p.feedbackRate(), k -> new ArrayList<>()).add(p);
        }
        List<TargetResponse> out = new ArrayList<>();
        for (List<Point> g : groups.values()) {
            int n = g.size();
            double met = 0;
            double over = 0;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = g.get(i).target();
                y[i] = g.get(i).result().meanSatisfaction().mean();
                if (y[i] >= x[i] - 1e-12) {
                    met++;
                }
                over += y[i] - x[i];
            }
            Point first = g.get(0);
            out.add(new TargetResponse(first.priceSheet(), first.router(), first.feedbackRate(), met / n, pearson(x, y), over / n));
        }
        return out;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
