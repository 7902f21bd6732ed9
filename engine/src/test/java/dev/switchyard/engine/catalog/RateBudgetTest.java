package dev.switchyard.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The per-minute rule the simulation and the live router share, against hand counts. */
class RateBudgetTest {

    @Test
    void aFullModelSendsDownItsChainAndAFullChainServesOverTheLimit() {
        // a: 2 requests a minute, falls back to b; b: 1 request a minute, falls back to a (a cycle); c: unlimited
        RateBudget budget = new RateBudget(new long[] {2, 1, 0}, new long[] {0, 0, 0}, new int[] {1, 0, -1});
        double[] out = {10, 10, 10};
        assertEquals(0, budget.serveOne(0, 5, out));
        assertEquals(0, budget.serveOne(0, 5, out));
        assertEquals(1, budget.serveOne(0, 5, out), "a is full: its fallback b");
        assertEquals(0, budget.serveOne(0, 5, out), "a and b full, the cycle ends the chain: a over its limit");
        assertEquals(1, budget.serveOne(1, 5, out), "b is full, its fallback a too: the routed b serves it over its limit");
        assertEquals(1, budget.servedByFallback());
        assertEquals(2, budget.servedOverLimit());
        assertEquals(2, budget.serveOne(2, 5, out), "no limit, no fallback needed");
        budget.newMinute();
        assertEquals(1, budget.serveOne(1, 5, out), "a new minute: b has room again");
        assertEquals(1, budget.servedByFallback());
    }

    @Test
    void tokenLimitsCountInputAndOutputTokensAndSplitWeightsAreWholeRequests() {
        // 100 tokens a minute; a request of 30 input + 20 output tokens: two fit
        RateBudget budget = new RateBudget(new long[] {0}, new long[] {100}, new int[] {-1});
        assertEquals(2.0, budget.room(0, 50));
        budget.use(0, 1.5, 50);
        assertEquals(0.0, budget.room(0, 50), "25 tokens left: no whole request");
        assertEquals(Double.POSITIVE_INFINITY, budget.room(0, 0), "a request of no tokens fits while tokens are not overdrawn");
        double[] out = {20};
        assertEquals(0, budget.serveOne(0, 30, out));
        assertEquals(1, budget.servedOverLimit());
        assertThrows(IllegalArgumentException.class, () -> new RateBudget(new long[] {1}, new long[] {0}, new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> new RateBudget(new long[] {-1}, new long[] {0}, new int[] {-1}));
    }
}
