package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Behavioural no-cheat: the hidden scores of every evaluated query are replaced, while every
 * observation the router gets (feedback signals, judge verdicts) is replayed from the original run.
 * A router with no path to the truth must then make exactly the same decisions.
 */
class NoCheatBehaviourTest {

    @ParameterizedTest
    @CsvSource({
        "slarouter, ONE_SIDED, exploration=least-served",
        "slarouter, ONE_SIDED, exploration=all",
        "slarouter, TWO_SIDED_SPARSE, exploration=uniform",
        "messplus, TWO_SIDED_SPARSE, ",
        "cascade, ONE_SIDED, ",
        "random-mix, FULL, ",
        "cheapest-meeting-target, ONE_SIDED, "
    })
    void changingHiddenScoresWithIdenticalFeedbackChangesNoDecision(String router, String kind, String param) throws Exception {
        TrafficSample original = SyntheticWorkload.sample(3000, 6, 11);
        Scenario base = Scenario.of(original, SyntheticWorkload.prices(6), Catalog.empty(), router)
                .withRouter(router, param == null ? RouterParameters.none()
                        : RouterParameters.of(param.split("=")[0], param.split("=")[1]))
                .withFeedback(new Scenario.Feedback(dev.switchyard.engine.routing.FeedbackKind.valueOf(kind), 0.3, 0, 0,
                        Double.NaN, Double.NaN))
                .withTarget(0.85).withVolume(Scenario.Volume.requests(30_000));
        Simulator sim = Simulator.standard().withThreads(1);
        PreparedScenario prepared = PreparedScenario.of(base);
        SignalTape recorded = SignalTape.recording();
        sim.replication(prepared, base, 0, recorded, RunControl.NONE);

        TrafficSample altered = withNewEvaluationScores(original, prepared);
        Scenario changed = new Scenario(base.name(), altered, base.catalog(), base.prices(), base.modelPool(), base.router(),
                base.routerParameters(), base.predictor(), base.textFeatures(), base.sla(), base.feedback(), base.volume(),
                base.mixShift(), base.seed(), base.replications(), base.calibrationFraction(), base.scaling());
        PreparedScenario preparedChanged = PreparedScenario.of(changed);
        assertNotEquals(Arrays.toString(prepared.score), Arrays.toString(preparedChanged.score), "scores must differ");
        SignalTape replay = SignalTape.replaying(recorded);
        ReplicationResult r = sim.replication(preparedChanged, changed, 0, replay, RunControl.NONE);

        assertTrue(recorded.decisions().length > 0);
        assertArrayEquals(recorded.decisions(), replay.decisions(), "a decision changed when only hidden scores changed");
        assertTrue(r.representedRequests() == 30_000);
    }

    @org.junit.jupiter.api.Test
    void theHarnessDetectsARouterThatReadsTheTruth() throws Exception {
        TrafficSample original = SyntheticWorkload.sample(3000, 6, 11);
        Scenario base = Scenario.of(original, SyntheticWorkload.prices(6), Catalog.empty(), "oracle")
                .withVolume(Scenario.Volume.requests(5_000));
        Simulator sim = Simulator.standard().withThreads(1);
        PreparedScenario prepared = PreparedScenario.of(base);
        SignalTape recorded = SignalTape.recording();
        sim.replication(prepared, base, 0, recorded, RunControl.NONE);
        Scenario changed = new Scenario(base.name(), withNewEvaluationScores(original, prepared), base.catalog(), base.prices(),
                base.modelPool(), base.router(), base.routerParameters(), base.predictor(), base.textFeatures(), base.sla(),
                base.feedback(), base.volume(), base.mixShift(), base.seed(), base.replications(), base.calibrationFraction(),
                base.scaling());
        SignalTape replay = SignalTape.replaying(recorded);
        sim.replication(PreparedScenario.of(changed), changed, 0, replay, RunControl.NONE);
        assertNotEquals(Arrays.toString(recorded.decisions()), Arrays.toString(replay.decisions()),
                "the per-query oracle reads the truth, so its decisions must change");
    }

    /** Same queries, same calibration rows; the scores of the evaluated rows are redrawn. */
    private static TrafficSample withNewEvaluationScores(TrafficSample s, PreparedScenario prepared) {
        Set<Integer> evaluated = new HashSet<>();
        for (int row : prepared.sampleRow) {
            evaluated.add(row);
        }
        SplittableRandom rng = new SplittableRandom(99);
        TrafficSample.Builder b = TrafficSample.builder(s.name(), s.models());
        for (int q = 0; q < s.size(); q++) {
            QueryRecord r = s.record(q);
            float[] scores = r.scores();
            if (evaluated.contains(q)) {
                scores = new float[scores.length];
                for (int m = 0; m < scores.length; m++) {
                    scores[m] = rng.nextInt(3) / 2f;
                }
            }
            b.add(new QueryRecord(r.id(), r.category(), r.timestampMillis(), r.tenant(), r.slaTier(), r.prompt(), r.inputTokens(),
                    r.cachedInputTokens(), scores, r.outputTokens(), r.recordedCostUsd(), r.recordedLatencyMs()));
        }
        return b.build();
    }
}
