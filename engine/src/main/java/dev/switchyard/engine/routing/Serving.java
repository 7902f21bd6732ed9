package dev.switchyard.engine.routing;

/**
 * The serving handle a router gets with each request, for flows that call more than one model.
 * Simple routers ignore it and just return a model from {@link Router#route}. Reused per request.
 *
 * <ul>
 *   <li>explore-all (MESS+): {@link #explore()}, {@link #call(int)} every model, return the one to serve;</li>
 *   <li>cascade: call the cheapest, ask {@link #judge(int)}, escalate, return the accepted answer.</li>
 * </ul>
 * Every call is paid. The returned model is called implicitly if it was not called yet.
 */
public interface Serving {

    /** Runs {@code model} on the current request (once; a repeated call is free and returns the same cost). Returns the realised cost in USD. */
    double call(int model);

    /**
     * A judge's verdict on the answer of an already called {@code model}: true = accept. How often the judge
     * errs and what a judge call costs are facts of the scenario, not the router's choice; the simulator's
     * judge errs with the scenario's error rate (a noisy observation, not the truth) and each call is paid.
     *
     * @throws IllegalStateException if the model was not called on this request
     */
    default boolean judge(int model) {
        return judge(model, Double.NaN);
    }

    /**
     * The older form of {@link #judge(int)}. The simulator ignores {@code errorRate} (the judge's error rate is
     * the scenario's, decision 0307), so a router cannot buy a perfect judge by passing 0.
     *
     * @throws IllegalStateException if the model was not called on this request
     */
    boolean judge(int model, double errorRate);

    /** Marks this request as exploration (its spend is reported as exploration share). */
    void explore();

    /** Number of models called so far on this request. */
    int calls();
}
