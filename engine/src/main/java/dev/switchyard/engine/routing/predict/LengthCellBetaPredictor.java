package dev.switchyard.engine.routing.predict;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LatencyModel;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Signal;
import java.util.List;

/**
 * Per (category, prompt-length bucket, model) satisfaction estimate, shrunk to the category's
 * (docs/decisions/1410-length-cell-predictor.md). The category level is exactly {@link CellBetaPredictor} (catalog or
 * calibration prior, labels and inverted one-sided reports). Each log2 input-token bucket of a category
 * ({@link LatencyModel#bucket}, the resolution the latency term and the two-constraint bound use) keeps its own counts
 * and estimates {@code (K p_cat + successes + w (n - failures)) / (K + labels + w n)}: its category's current estimate
 * as a prior worth {@link #SHRINK} labels, so a sparse bucket reads as its category and a bucket departs from it only
 * when its own evidence outweighs that prior. The same one-sided inversion and per-answer evidence weight as the
 * category level. Only what the router was served and told.
 */
public final class LengthCellBetaPredictor implements Predictor {
    /**
     * Strength, in labels, of the category's estimate as a bucket's prior. A difference of 10 points at p = 0.9 is two
     * standard errors after about 36 labels; at {@value} labels a bucket's own evidence carries half the weight.
     */
    public static final double SHRINK = 20;
    private static final int B = LatencyModel.BUCKETS;

    private final CellBetaPredictor category;
    private final int models;
    private final int categories;
    private final boolean learns;
    private final double f;
    private final double invQf;
    private final double[] labelled;
    private final double[] successes;
    private final double[] oneSided;
    private final double[] reports;
    private final double[] estimate;
    private final double[] evidencePerAnswer;
    /** Lowest and highest bucket seen per category (the buckets a category's change must refresh). */
    private final int[] lowBucket;
    private final int[] highBucket;

    public LengthCellBetaPredictor(RoutingContext context, boolean learns) {
        this.category = new CellBetaPredictor(context, learns);
        this.models = context.modelCount();
        this.categories = Math.max(1, context.categories().size());
        this.learns = learns;
        double q = context.feedback().assumedRate();
        this.f = context.feedback().kind() == FeedbackKind.ONE_SIDED ? context.feedback().assumedFalseReportRate() : 0.0;
        this.invQf = 1.0 / (q - f);
        int cells = categories * B * models;
        labelled = new double[cells];
        successes = new double[cells];
        oneSided = new double[cells];
        reports = new double[cells];
        estimate = new double[cells];
        evidencePerAnswer = new double[categories * models];
        lowBucket = new int[categories];
        highBucket = new int[categories];
        java.util.Arrays.fill(lowBucket, B);
        java.util.Arrays.fill(highBucket, -1);
        for (int c = 0; c < context.categories().size(); c++) {
            for (int m = 0; m < models; m++) {
                double p = context.priors().mean(c, m);
                evidencePerAnswer[c * models + m] = CellBetaPredictor.labelsPerAnswer(p, q, f);
                for (int b = 0; b < B; b++) {
                    estimate[(c * B + b) * models + m] = p;
                }
            }
        }
    }

    @Override
    public void predict(RequestView request, double[] out) {
        int c = request.category();
        int b = LatencyModel.bucket(request.inputTokens());
        if (b < lowBucket[c] || b > highBucket[c]) {
            // a length the category has no answer at yet: the category's own estimate (buckets outside the seen
            // range are not refreshed when the category learns)
            category.predict(request, out);
            return;
        }
        System.arraycopy(estimate, (c * B + b) * models, out, 0, models);
    }

    @Override
    public void learn(FeedbackEvent event) {
        if (!learns || event.signal() == Signal.UNLABELLED) {
            return;
        }
        category.learn(event);
        RequestView r = event.request();
        int c = r.category();
        int b = LatencyModel.bucket(r.inputTokens());
        int m = event.model();
        int i = (c * B + b) * models + m;
        if (!CellBetaPredictor.tally(event.signal(), i, labelled, successes, oneSided, reports)) {
            return;
        }
        lowBucket[c] = Math.min(lowBucket[c], b);
        highBucket[c] = Math.max(highBucket[c], b);
        // the category's estimate moved: every bucket of the category that has been seen reads it as its prior
        double pc = category.estimate(c, m);
        double w = evidencePerAnswer[c * models + m];
        for (int bb = lowBucket[c]; bb <= highBucket[c]; bb++) {
            int k = (c * B + bb) * models + m;
            estimate[k] = posterior(k, pc, w);
        }
    }

    private double posterior(int k, double prior, double w) {
        double n = oneSided[k];
        double failures = 0;
        if (n > 0) {
            failures = (reports[k] - f * n) * invQf;
            failures = failures < 0 ? 0 : (failures > n ? n : failures);
        }
        return (SHRINK * prior + successes[k] + w * (n - failures)) / (SHRINK + labelled[k] + w * n);
    }

    @Override
    public List<LearnedState.CellEstimate> estimates() {
        // the category level: what the exported configuration and the app's tables show per category
        return category.estimates();
    }
}
