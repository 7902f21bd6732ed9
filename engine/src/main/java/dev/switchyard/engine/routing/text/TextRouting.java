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
                // issue 10 item 5, measured on prompt-disjoint traffic (TextPredictorPromptDisjointTest, decision 1004)
                return "Learns from each request's words, category and length which models satisfy it; updates with every piece of feedback. "
                        + "Not shown to beat the per-category predictor on prompts it has not seen: on real benchmark rows (RouteLLM MMLU, "
                        + "every prompt new, every failure reported) it served 0.3 points more satisfaction at the same cost, not the same "
                        + "satisfaction for less. Its lower cost elsewhere was measured on traffic that repeats prompts (it learns the prompts "
                        + "themselves), so prefer 'category' for new traffic.";
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
