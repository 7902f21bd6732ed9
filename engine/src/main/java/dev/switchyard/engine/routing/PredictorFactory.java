package dev.switchyard.engine.routing;

/** Builds a {@link Predictor} by name ({@code category}, {@code prior-only}, {@code text-logistic}...). */
public interface PredictorFactory {

    String name();

    /** One plain line for the UI. */
    String description();

    Predictor create(RoutingContext context);
}
