package dev.switchyard.engine.routing.text;

import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.PredictorFactory;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.RoutingProvider;
import dev.switchyard.engine.routing.TextFeatureExtractor;
import java.util.List;

/**
 * Registers the hashed word/bigram extractor and the {@code text-logistic} predictor with the
 * router registry (through {@code META-INF/services}).
 */
public final class TextRouting implements RoutingProvider {

    @Override
    public List<PredictorFactory> predictors() {
        return List.of(new PredictorFactory() {
            @Override
            public String name() {
                return TextLogisticPredictor.NAME;
            }

            @Override
            public String description() {
                // issue 10 item 5: its gain is measured only where prompts repeat, so it is not offered as the better choice
                return "Learns from each request's words, category and length which models satisfy it; updates with every piece of feedback. "
                        + "Not shown to beat the per-category predictor on prompts it has not seen before: its lower cost was measured only "
                        + "on traffic that repeats prompts (it learns the prompts themselves), so prefer 'category' for new traffic.";
            }

            @Override
            public Predictor create(RoutingContext context) {
                return TextLogisticPredictor.create(context);
            }
        });
    }

    @Override
    public List<TextFeatureExtractor> textFeatureExtractors() {
        return List.of(TextFeaturizer.defaults());
    }
}
