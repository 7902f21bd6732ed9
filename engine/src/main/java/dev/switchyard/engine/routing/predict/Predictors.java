package dev.switchyard.engine.routing.predict;

import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.PredictorFactory;
import dev.switchyard.engine.routing.RoutingContext;
import java.util.List;

/** The built-in predictors. The text-feature logistic predictor arrives through a RoutingProvider. */
public final class Predictors {
    /** Default: per-category Beta posterior learning from labels and from one-sided reports. */
    public static final String CATEGORY = "category";
    /** Per (category, prompt-length bucket), shrunk to the category (decision 1410). */
    public static final String CATEGORY_LENGTH = "category-length";
    /** The Beta prior alone, never updated (what the router knew before serving anything). */
    public static final String PRIOR_ONLY = "prior-only";
    /** Name reserved for the online logistic model on hashed prompt-text features. */
    public static final String TEXT_LOGISTIC = "text-logistic";

    private Predictors() {
    }

    public static List<PredictorFactory> builtIns() {
        return List.of(
                factory(CATEGORY, "Per-category Bayesian estimate: Beta prior updated by labels and by one-sided reports corrected for q and f.", true),
                new PredictorFactory() {
                    @Override
                    public String name() {
                        return CATEGORY_LENGTH;
                    }

                    @Override
                    public String description() {
                        return "Per (category, prompt-length bucket) Bayesian estimate shrunk to the category's: a bucket departs from its"
                                + " category only when its own evidence outweighs it.";
                    }

                    @Override
                    public Predictor create(RoutingContext context) {
                        return new LengthCellBetaPredictor(context, true);
                    }
                },
                factory(PRIOR_ONLY, "Per-category prior only (catalog or calibration means); never learns.", false));
    }

    private static PredictorFactory factory(String name, String description, boolean learns) {
        return new PredictorFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Predictor create(RoutingContext context) {
                return new CellBetaPredictor(context, learns);
            }
        };
    }
}
