package dev.switchyard.engine.export;

import java.util.SplittableRandom;
import java.util.function.BiPredicate;

/**
 * A stand-in for the cascade's judge where no real one runs (tests, shadow replay): it knows
 * whether an answer is good from {@code truth} and errs with probability {@code errorRate} either
 * way, as the simulator's judge does. Seeded, so a replay is repeatable. A production service
 * implements {@link LiveRouter.Judge} with its own grader instead.
 */
public final class SimulatedJudge implements LiveRouter.Judge {
    private final BiPredicate<LiveRequest, String> truth;
    private final double errorRate;
    private final SplittableRandom random;

    /**
     * @param truth whether the model's answer to the request is good
     * @param errorRate chance of a wrong verdict, in [0, 0.5]
     */
    public SimulatedJudge(BiPredicate<LiveRequest, String> truth, double errorRate, long seed) {
        if (!(errorRate >= 0 && errorRate <= 0.5)) {
            throw new IllegalArgumentException("judge error rate must be in [0, 0.5], got " + errorRate);
        }
        this.truth = truth;
        this.errorRate = errorRate;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized boolean accept(LiveRequest request, String model) {
        boolean good = truth.test(request, model);
        return random.nextDouble() < errorRate ? !good : good;
    }
}
