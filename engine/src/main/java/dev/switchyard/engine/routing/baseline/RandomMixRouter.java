package dev.switchyard.engine.routing.baseline;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Serving;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The cost-optimal two-model random mix that meets tau in expectation: on the lower convex hull
 * of the models' (cost, score) estimates, the two adjacent hull models whose scores bracket tau,
 * mixed so the expected score is exactly tau. Ignores the request and all feedback.
 */
public final class RandomMixRouter implements Router {
    private final String name;
    private final int low;
    private final int high;
    private final double highShare;
    private final double expectedScore;
    private final RandomGenerator random;

    RandomMixRouter(String name, RoutingContext context) {
        this.name = name;
        this.random = context.random();
        Estimates e = Estimates.of(context);
        int[] hull = e.hull();
        double tau = context.target();
        int lo = hull[0];
        int hi = hull[0];
        double share = 0;
        if (e.score[hull[0]] >= tau) {
            lo = hi = hull[0];
        } else if (e.score[hull[hull.length - 1]] < tau) {
            lo = hi = hull[hull.length - 1];
            share = 1;
        } else {
            for (int i = 1; i < hull.length; i++) {
                if (e.score[hull[i]] >= tau) {
                    lo = hull[i - 1];
                    hi = hull[i];
                    share = (tau - e.score[lo]) / (e.score[hi] - e.score[lo]);
                    break;
                }
            }
        }
        this.low = lo;
        this.high = hi;
        this.highShare = share;
        this.expectedScore = (1 - share) * e.score[lo] + share * e.score[hi];
    }

    @Override
    public int route(RequestView request, Serving serving) {
        return random.nextDouble() < highShare ? high : low;
    }

    @Override
    public void observe(FeedbackEvent event) {
        // a fixed mix does not learn
    }

    @Override
    public double estimatedSatisfaction() {
        return expectedScore;
    }

    @Override
    public LearnedState exportState() {
        return LearnedState.of(name, Map.of("lowModel", (double) low, "highModel", (double) high, "highShare", highShare));
    }

    private RandomMixRouter(String name, RandomGenerator random, int low, int high, double highShare, double expectedScore) {
        this.name = name;
        this.random = random;
        this.low = low;
        this.high = high;
        this.highShare = highShare;
        this.expectedScore = expectedScore;
    }

    /** A mix from an exported configuration; {@code random} as the context's generator. */
    public static RandomMixRouter restore(String name, RandomGenerator random, int low, int high, double highShare,
                                          double expectedScore) {
        if (!(highShare >= 0 && highShare <= 1)) {
            throw new IllegalArgumentException("random-mix: highShare must be in [0,1], got " + highShare);
        }
        return new RandomMixRouter(name, random, low, high, highShare, expectedScore);
    }

    /** Never learns from feedback, never reads the feedback assumptions, never explores (decision 1050). */
    @Override
    public boolean readsFeedback() {
        return false;
    }
}
