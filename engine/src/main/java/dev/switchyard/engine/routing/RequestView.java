package dev.switchyard.engine.routing;

/**
 * What a production router knows about a request before serving it. The simulator reuses one
 * instance per request slot: read what you need during the call and do not keep the reference.
 *
 * <p>Costs are expected costs: input tokens at the model's price plus the mean output tokens of
 * (category, model) on the sample, because the realised output is only known after serving
 * (docs/decisions/0300-expected-cost.md). The realised cost arrives with the feedback.
 */
public interface RequestView {

    /** 0-based position of this request in the stream. */
    long sequence();

    /** Category index in {@link RoutingContext#categories()}. */
    int category();

    int inputTokens();

    int cachedInputTokens();

    /** Tenant index in {@link RoutingContext#tenants()}, or -1 when the traffic has no tenants. */
    int tenant();

    /** SLA tier index in {@link RoutingContext#slaTiers()}, or -1 when the traffic has no tiers. */
    int slaTier();

    /** Simulated wall-clock time of arrival, epoch milliseconds. */
    long timeMillis();

    /** Number of models in the pool; model indices run 0..modelCount()-1 in {@link RoutingContext#models()} order. */
    int modelCount();

    /** Expected cost in USD of serving this request with {@code model}. */
    double expectedCost(int model);

    /**
     * Expected cost divided by the mean expected cost of the most expensive model on the sample, so
     * lambda, V and step sizes have one scale across workloads and currencies.
     */
    double normalisedCost(int model);

    /** Hashed prompt-text features; {@link FeatureVector#EMPTY} when the sample has no prompts or no extractor is set. */
    FeatureVector textFeatures();

    /**
     * A stable key of the sample query this request replays (the same for every request drawn from that
     * query; 0-based and dense), or -1 when there is none (live traffic). Only features are fixed per key,
     * never an outcome: routers that are trained offline and do not learn in service may cache their
     * per-query decision under it.
     */
    default int queryKey() {
        return -1;
    }
}
