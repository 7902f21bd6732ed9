package dev.switchyard.engine.routing;

import java.util.List;

/**
 * Service-provider hook through which other packages add routers, predictors and text feature
 * extractors without editing the registry. Register an implementation in
 * {@code META-INF/services/dev.switchyard.engine.routing.RoutingProvider}. A provider's router
 * replaces the "not yet available" placeholder of the same name.
 */
public interface RoutingProvider {

    default List<RouterFactory> routers() {
        return List.of();
    }

    default List<PredictorFactory> predictors() {
        return List.of();
    }

    default List<TextFeatureExtractor> textFeatureExtractors() {
        return List.of();
    }
}
