package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.offline.TauGridReport;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 4, "PROTEUS tracks tau", on held-out data, over 7 targets from 15% to 85% of the way between the
 * cheapest and the best single model, one policy per split for the whole grid (the paper's single-policy claim),
 * with the router's defaults. Satisfaction and cost are the exact expectation of the uniform evaluation stream
 * ({@link ProteusTauTracking}); the reference is the cheapest rule-L policy on the same trained predictor (same
 * features) whose held-out satisfaction meets tau, its lambda chosen in hindsight.
 *
 * <p>The figures are taken over three calibration splits (seeds 1-3) per data set, because the split's own
 * sampling error is what is left (decision 1003): at one split the held-out pool can be easier or harder than the
 * split by 0.5-1.7 points at every lambda, a shift no router trained on the split can see. Defaults (margin z = 2,
 * 1,000 iterations, duals every 0.01) were chosen on one synthetic workload (6 models, 100x, 8 categories, seed 77),
 * none of the data sets below.
 *
 * <ul>
 *   <li>Assistant platform (bundled, 12 models, text) and a synthetic workload with 3 models, a 150x spread and
 *       4 categories: the figures in full (mean overshoot <= 1.5 points, every floor met in every split,
 *       correlation >= 0.97, cost at each target within 1.25x of the reference, worst target averaged over splits).</li>
 *   <li>RouteLLM MMLU (real, 2 models, not tuned on): overshoot, floors and correlation at the figures;
 *       cost within 1.25x over the grid (total), not at every target (worst target 1.35x: the two-model curve is
 *       steep, and a point of margin costs a quarter more).</li>
 *   <li>Support desk (bundled, 1,800-row split, graded scores): floors and correlation only. Its split's sampling
 *       error is about 1.1 points (measured over six splits), so the margin that keeps its floors costs
 *       2.3 points of overshoot and up to 16x the hindsight reference at the top of its range, where the
 *       satisfaction curve is flat. No choice of margin meets both bounds there; the shortfall is stated, not hidden.</li>
 * </ul>
 */
class ProteusTracksTauTest {
    static final double MAX_OVERSHOOT = 0.015;
    static final double MAX_COST_RATIO = 1.25;
    static final double MIN_CORRELATION = 0.97;
    static final int TARGETS = 7;
    static final long[] SPLITS = {1, 2, 3};

    /** The data sets of the older tests (bundled samples and RouteLLM MMLU when ../shared is there). */
    record Data(String name, dev.switchyard.engine.traffic.TrafficSample sample, dev.switchyard.engine.pricing.PriceSheet prices,
                Catalog catalog) {
        ProteusTauTracking.Data tracking() {
            return new ProteusTauTracking.Data(name, sample, prices, catalog);
        }
    }

    static List<Data> data() throws Exception {
        List<Data> out = new ArrayList<>();
        SampleBundle bundle = SampleData.load();
        for (NamedTraffic t : bundle.traffic()) {
            out.add(new Data("sample-" + t.name(), t.sample(), bundle.priceSheets().get(0), bundle.catalog()));
        }
        RouteLlmMmlu.locate().ifPresent(dir -> {
            try {
                out.add(new Data("routellm-mmlu", RouteLlmMmlu.load(dir), RouteLlmMmlu.prices(), Catalog.empty()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    enum Bounds { FULL, GRID_COST, FLOORS_ONLY }

    record Summary(String name, List<ProteusTauTracking.Figures> splits) {
        double overshoot() {
            return splits.stream().mapToDouble(f -> f.report().meanOvershoot()).average().orElseThrow();
        }

        double worstCostRatio() {
            return splits.stream().mapToDouble(ProteusTauTracking.Figures::worstCostRatio).average().orElseThrow();
        }

        double gridCostRatio() {
            return splits.stream().mapToDouble(ProteusTauTracking.Figures::meanCostRatio).average().orElseThrow();
        }

        double minCorrelation() {
            return splits.stream().mapToDouble(f -> f.report().tauResponseCorrelation()).min().orElseThrow();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%s over %d splits: mean overshoot %+.4f, min correlation %.3f, cost ratio worst target %.3f, grid %.3f%n",
                    name, splits.size(), overshoot(), minCorrelation(), worstCostRatio(), gridCostRatio()));
            splits.forEach(b::append);
            return b.toString();
        }
    }

    static Summary measure(ProteusTauTracking.Data d) throws Exception {
        List<ProteusTauTracking.Figures> f = new ArrayList<>();
        for (long seed : SPLITS) {
            f.add(ProteusTauTracking.measure(d, seed, TARGETS, UnaryOperator.identity()));
        }
        return new Summary(d.name(), f);
    }

    static void check(Summary s, Bounds bounds, List<String> failures) {
        for (ProteusTauTracking.Figures f : s.splits()) {
            List<TauGridReport.Point> pts = f.report().points();
            for (int i = 1; i < pts.size(); i++) {
                if (pts.get(i).achieved() < pts.get(i - 1).achieved()) {
                    failures.add(s.name() + " split " + f.seed() + ": satisfaction falls from tau " + pts.get(i - 1).tau()
                            + " to " + pts.get(i).tau());
                }
            }
            if (f.report().floorComplianceRate() < 1) {
                failures.add(s.name() + " split " + f.seed() + ": floor missed: " + f.report().summary());
            }
        }
        if (!(s.minCorrelation() >= MIN_CORRELATION)) {
            failures.add(s.name() + String.format(Locale.ROOT, ": correlation %.3f below 0.97", s.minCorrelation()));
        }
        if (bounds != Bounds.FLOORS_ONLY && !(s.overshoot() <= MAX_OVERSHOOT)) {
            failures.add(s.name() + String.format(Locale.ROOT, ": mean overshoot %+.4f above 1.5 points", s.overshoot()));
        }
        double cost = bounds == Bounds.FULL ? s.worstCostRatio() : s.gridCostRatio();
        if (bounds != Bounds.FLOORS_ONLY && !(cost <= MAX_COST_RATIO)) {
            failures.add(s.name() + String.format(Locale.ROOT, ": cost %.3fx the same-features reference", cost));
        }
    }

    @Test
    void servedSatisfactionFollowsTauOnHeldOutData() throws Exception {
        List<String> failures = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        DiverseWorkloads wide = new DiverseWorkloads("synthetic-3-models-150x", 3, 4, 150, 0.8, 555);
        List<ProteusTauTracking.Data> full = new ArrayList<>();
        full.add(new ProteusTauTracking.Data(wide.name(), wide.sample(20_000), wide.prices(), Catalog.empty()));
        ProteusTauTracking.Data desk = null;
        ProteusTauTracking.Data mmlu = null;
        for (Data d : data()) {
            switch (d.name()) {
                case "sample-assistant-platform" -> full.add(d.tracking());
                case "sample-support-desk" -> desk = d.tracking();
                case "routellm-mmlu" -> mmlu = d.tracking();
                default -> { }
            }
        }
        for (ProteusTauTracking.Data d : full) {
            Summary s = measure(d);
            all.append(s);
            check(s, Bounds.FULL, failures);
        }
        if (mmlu != null) {
            Summary s = measure(mmlu);
            all.append(s);
            check(s, Bounds.GRID_COST, failures);
        }
        Summary s = measure(desk);
        all.append(s);
        check(s, Bounds.FLOORS_ONLY, failures);
        System.out.print(all);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + all);
    }
}
