package dev.switchyard.engine.export;

import dev.switchyard.engine.routing.Signal;

import java.util.Objects;

/**
 * What production learned about an answer: the ticket of the routed request, the model whose
 * answer it is, whether that answer was the one served, what was observed (one-sided: REPORT or
 * SILENCE) and the cost actually paid.
 */
public record LiveFeedback(long ticket, String model, boolean served, Signal signal, double costPaidUsd) {
    public LiveFeedback {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(signal, "signal");
        if (!Double.isFinite(costPaidUsd) || costPaidUsd < 0) {
            throw new IllegalArgumentException("cost paid must be finite and >= 0, got " + costPaidUsd);
        }
    }
}
