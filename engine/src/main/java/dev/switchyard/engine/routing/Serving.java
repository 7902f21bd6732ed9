package dev.switchyard.engine.routing;

/**
 * The serving handle a router gets with each request, for flows that call more than one model.
 * Simple routers ignore it and just return a model from {@link Router#route}. Reused per request.
 *
 * <ul>
 *   <li>explore-all (MESS+): {@link #explore()}, {@link #call(int)} every model, return the one to serve;</li>
 *   <li>cascade: call the cheapest, ask {@link #judge(int, double)}, escalate, return the accepted answer.</li>
 * </ul>
 * Every call is paid. The returned model is called implicitly if it was not called yet.
 */
public interface Serving {

    /** Runs {@code model} on the current request (once; a repeated call is free and returns the same cost). Returns the realised cost in USD. */
    double call(int model);

    /**
     * A simulated judge's verdict on the answer of an already called {@code model}: true = accept.
     * The judge is wrong with probability {@code errorRate} (a noisy observation, not the truth).
     *
     * @throws IllegalStateException if the model was not called on this request
     */
    boolean judge(int model, double errorRate);

    /** Marks this request as exploration (its spend is reported as exploration share). */
    void explore();

    /** Number of models called so far on this request. */
    int calls();
}
