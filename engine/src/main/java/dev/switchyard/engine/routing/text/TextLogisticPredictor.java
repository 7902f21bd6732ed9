package dev.switchyard.engine.routing.text;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The online logistic predictor ({@code text-logistic}): p_hat per model from the request's hashed
 * prompt words and bigrams, its category (one-hot) and its length, learning from feedback one event
 * at a time. Starts at the scenario's per-category priors, so before any feedback it predicts what
 * the per-category prior predicts, and the text weights learn corrections to it.
 *
 * <p>What it learns from:
 * <ul>
 *   <li>a label (full feedback, or two-sided sparse when it fires): a log-loss step with label s;</li>
 *   <li>one-sided feedback (SLARouter's setting): after every answer, a report or silence. The label
 *       is {@code y = 1 - d_hat} with {@code d_hat = (r - f)/(q - f)}, the spec's unbiased estimate
 *       of 1 - s, using the router's assumed q and f. The log-loss gradient {@code p - y} is linear in
 *       y, so the step is unbiased for the full-information gradient. y leaves [0,1] (a report at
 *       q = 0.05 gives y = -19): per-coordinate AdaGrad ({@link HashedLogisticModel}) bounds each
 *       coordinate's first move by the learning rate and shrinks later ones, which keeps SGD stable
 *       without clipping; clipping would bias the estimate towards optimism (decision 0401).</li>
 *   <li>unlabelled two-sided answers: nothing.</li>
 * </ul>
 *
 * <p>Cost per request: one sparse dot product per model to predict and one sparse AdaGrad step per
 * feedback event, both linear in the request's non-zero features, no allocation. Not thread-safe.
 */
public final class TextLogisticPredictor implements Predictor {
    /** Scenario name of this predictor. */
    public static final String NAME = "text-logistic";
    /** AdaGrad base step (decision 0401). */
    public static final double DEFAULT_LEARNING_RATE = 0.2;
    /**
     * Buckets the online predictor keeps (2^16), folding the extractor's wider space onto them: the
     * weights of 12 models then take 3 MB instead of 12 MB and stay in cache, which is what lets it
     * route at simulator speed (decision 0401).
     */
    public static final int DEFAULT_HASH_BITS = 16;

    private final HashedLogisticModel model;
    private final boolean oneSided;
    private final double q;
    private final double f;
    private final List<String> modelIds;
    private final List<String> categoryNames;
    private final double[] served;
    private final double[] signals;
    private final double[] lengthSum;
    private final float[] scratch;

    /** A predictor for {@code context}'s pool, started at its priors, over features of {@code hashBits}. */
    public TextLogisticPredictor(RoutingContext context, int hashBits, double learningRate) {
        int m = context.modelCount();
        int cats = Math.max(1, context.categories().size());
        this.model = new HashedLogisticModel(m, hashBits, cats, learningRate);
        double[] prior = new double[cats * m];
        for (int c = 0; c < context.priors().categoryCount(); c++) {
            for (int j = 0; j < m; j++) {
                prior[c * m + j] = context.priors().mean(c, j);
            }
        }
        if (context.priors().categoryCount() == 0) {
            java.util.Arrays.fill(prior, 0.5);
        }
        model.setCategoryPrior(prior);
        this.oneSided = context.feedback().kind() == FeedbackKind.ONE_SIDED;
        this.q = context.feedback().assumedRate();
        this.f = oneSided ? context.feedback().assumedFalseReportRate() : 0.0;
        this.modelIds = context.models();
        this.categoryNames = context.categories().values();
        this.served = new double[cats * m];
        this.signals = new double[cats * m];
        this.lengthSum = new double[cats * m];
        this.scratch = new float[m];
    }

    /** With {@link #DEFAULT_HASH_BITS} buckets (fewer when the extractor's space is smaller) and the default learning rate. */
    public static TextLogisticPredictor create(RoutingContext context) {
        int bits = context.textFeatures()
                .map(e -> Math.min(DEFAULT_HASH_BITS, Math.max(1, Integer.numberOfTrailingZeros(e.dimension()))))
                .orElse(10);
        if (context.textFeatures().isPresent() && Integer.bitCount(context.textFeatures().get().dimension()) != 1) {
            throw new IllegalArgumentException("predictor '" + NAME + "' needs a hashed feature space of 2^k dimensions; extractor '"
                    + context.textFeatures().get().name() + "' has " + context.textFeatures().get().dimension());
        }
        return new TextLogisticPredictor(context, bits, DEFAULT_LEARNING_RATE);
    }

    public HashedLogisticModel model() {
        return model;
    }

    @Override
    public void predict(RequestView request, double[] out) {
        model.predict(request.textFeatures(), request.category(), TextFeaturizer.lengthFeature(request.inputTokens()), out, scratch);
    }

    @Override
    public void learn(FeedbackEvent event) {
        double label;
        switch (event.signal()) {
            case SATISFIED -> label = 1;
            case DISSATISFIED -> label = 0;
            case REPORT -> label = oneSidedLabel(true);
            case SILENCE -> label = oneSidedLabel(false);
            case UNLABELLED -> {
                return;
            }
            default -> throw new IllegalStateException("unexpected signal " + event.signal());
        }
        RequestView r = event.request();
        int j = event.model();
        int cat = r.category();
        float len = TextFeaturizer.lengthFeature(r.inputTokens());
        double p = model.predict(j, r.textFeatures(), cat, len);
        model.step(j, r.textFeatures(), cat, len, p - label);
        int cell = cat * model.models() + j;
        served[cell]++;
        lengthSum[cell] += len;
        if (event.signal() != dev.switchyard.engine.routing.Signal.SILENCE) {
            signals[cell]++;
        }
    }

    /** The unbiased label {@code 1 - (r - f)/(q - f)} for a one-sided report {@code r} (1 = reported). */
    public double oneSidedLabel(boolean reported) {
        if (!oneSided) {
            throw new IllegalStateException("one-sided signal on a " + (q == 1 ? "full" : "two-sided") + " feedback channel");
        }
        double r = reported ? 1 : 0;
        return 1 - (r - f) / (q - f);
    }

    @Override
    public List<LearnedState.CellEstimate> estimates() {
        int m = model.models();
        List<LearnedState.CellEstimate> out = new ArrayList<>(categoryNames.size() * m);
        for (int c = 0; c < categoryNames.size(); c++) {
            for (int j = 0; j < m; j++) {
                int cell = c * m + j;
                float len = served[cell] > 0 ? (float) (lengthSum[cell] / served[cell]) : 0.5f;
                out.add(new LearnedState.CellEstimate(categoryNames.get(c), modelIds.get(j),
                        model.categoryEstimate(c, j, len), served[cell], signals[cell]));
            }
        }
        return out;
    }
}
