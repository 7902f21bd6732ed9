package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.offline.TauGridReport;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.TrafficImporter;
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
 *   <li>Support desk (bundled, 1,800-row split, graded scores): rise, floors and correlation. Its split's sampling
 *       error (held-out minus split, sd about 0.8 points in theory, 1.1 measured over six splits) needs a margin that
 *       makes the 1.5-point overshoot unreachable together with floors in every split: no margin, constant or
 *       derived from the split, meets both at splits 1-3, where the split is 1.1 / -1.5 / +1.7 points harder than the
 *       traffic served (decision 1040 has the scan). Stated, not hidden.</li>
 *   <li>RouteLLM GSM8K (real, 2 models, 1 category, 395-row split): floors only. The margin that split needs is about
 *       4.6 points, so the upper targets all aim at the best the policy can reach and the response is a step there
 *       (correlation 0.89-0.95, mean overshoot 6 points; decision 1040).</li>
 *   <li>Everywhere: PROTEUS's cost within 1.10x of the same-features rule L at the satisfaction it reached (worst
 *       target, mean over splits), so what it buys is efficient and what it over-buys is the margin, not a saturating
 *       mapping.</li>
 * </ul>
 */
class ProteusTracksTauTest {
    static final double MAX_OVERSHOOT = 0.015;
    static final double MAX_COST_RATIO = 1.25;
    static final double MIN_CORRELATION = 0.97;
    static final int TARGETS = 7;
    /**
     * PROTEUS's cost against the same-features rule L at the satisfaction it actually reached (worst target, mean over
     * splits): what it buys is efficient, whatever its margin makes it buy. A saturating mu -> model rule (the step
     * of main before decision 1002) pays far more than this at the same satisfaction.
     */
    static final double MAX_FRONTIER_RATIO = 1.10;
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
                out.add(new Data("routellm-gsm8k", TrafficImporter.importFile(dir.resolveSibling("gsm8k").resolve("gsm8k_responses.csv"),
                        ImportOptions.defaults()).sample(), RouteLlmMmlu.prices(), Catalog.empty()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    /**
     * What is asserted on a data set: FULL the figures; GRID_COST those with cost on the grid total;
     * FLOORS_ONLY rise, floors and correlation; FLOORS_NO_RISE floors alone (plus efficiency, asserted everywhere).
     */
    enum Bounds { FULL, GRID_COST, FLOORS_ONLY, FLOORS_NO_RISE }

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

        double worstFrontierRatio() {
            return splits.stream().mapToDouble(ProteusTauTracking.Figures::worstFrontierRatio).average().orElseThrow();
        }

        double minCorrelation() {
            return splits.stream().mapToDouble(f -> f.report().tauResponseCorrelation()).min().orElseThrow();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "%s over %d splits: mean overshoot %+.4f, min correlation %.3f, cost ratio worst target %.3f, grid %.3f, "
                            + "frontier worst %.3f%n",
                    name, splits.size(), overshoot(), minCorrelation(), worstCostRatio(), gridCostRatio(), worstFrontierRatio()));
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
            for (int i = 1; i < pts.size() && bounds != Bounds.FLOORS_NO_RISE; i++) {
                if (pts.get(i).achieved() < pts.get(i - 1).achieved()) {
                    failures.add(s.name() + " split " + f.seed() + ": satisfaction falls from tau " + pts.get(i - 1).tau()
                            + " to " + pts.get(i).tau());
                }
            }
            if (f.report().floorComplianceRate() < 1) {
                failures.add(s.name() + " split " + f.seed() + ": floor missed: " + f.report().summary());
            }
        }
        if (!(s.worstFrontierRatio() <= MAX_FRONTIER_RATIO)) {
            failures.add(s.name() + String.format(Locale.ROOT, ": cost %.3fx the same-features rule L at the satisfaction reached",
                    s.worstFrontierRatio()));
        }
        if (bounds == Bounds.FLOORS_NO_RISE) {
            return;
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
        ProteusTauTracking.Data gsm8k = null;
        for (Data d : data()) {
            switch (d.name()) {
                case "sample-assistant-platform" -> full.add(d.tracking());
                case "sample-support-desk" -> desk = d.tracking();
                case "routellm-mmlu" -> mmlu = d.tracking();
                case "routellm-gsm8k" -> gsm8k = d.tracking();
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
        if (gsm8k != null) {
            Summary s = measure(gsm8k);
            all.append(s);
            check(s, Bounds.FLOORS_NO_RISE, failures);
        }
        Summary s = measure(desk);
        all.append(s);
        check(s, Bounds.FLOORS_ONLY, failures);
        System.out.print(all);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + all);
    }
}
