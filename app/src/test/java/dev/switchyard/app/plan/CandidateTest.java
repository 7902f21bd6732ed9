package dev.switchyard.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one "cheapest keeping the target" rule the Scenario screen's panel and view model share. */
class CandidateTest {

    private static Candidate candidate(String router, double spend, boolean keeps) {
        return new Candidate(router, router, Map.of(), 0.9, 0.9, spend, spend / 1000, 0.91, keeps ? 0.01 : 0.2, 0, 0.05, keeps,
                keeps ? "" : "breaches too often", List.of(), List.of(spend), false);
    }

    @Test
    void theCheapestThatKeepsThePromiseNeverACheaperOneThatBreaks() {
        List<Candidate> judged = List.of(candidate("threshold", 900, true), candidate("best-fixed", 100, false),
                candidate("slarouter", 400, true), candidate("proteus", 400, true));
        assertEquals("slarouter", Candidate.cheapestKeeping(judged).orElseThrow().router(), "cheapest keeping; first on a tie");
        assertTrue(Candidate.cheapestKeeping(List.of(candidate("best-fixed", 100, false))).isEmpty());
        assertTrue(Candidate.cheapestKeeping(List.of()).isEmpty());
    }
}
