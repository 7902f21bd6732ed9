package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SyntheticWorkload;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decision 1010: after a slider move the planner reuses the preparation and the offline routers' training (they do
 * not read the feedback rate or the volume), and its answer is the same bits as a fresh planner's.
 */
class PlannerReusesPreparationTest {

    private static Scenario base(TrafficSample sample, double q, long volume) {
        return Scenario.of(sample, SyntheticWorkload.prices(5), Catalog.empty(), "proteus")
                .withRouter("proteus", RouterParameters.of("iterations", "200").with("hiddenUnits", "8"))
                .withTarget(0.85).withFeedback(Scenario.Feedback.oneSided(q))
                .withVolume(new Scenario.Volume(volume, 0, 2, false)).withReplications(2).withSeed(3);
    }

    private static PlanOptions options() {
        return PlanOptions.defaults().withRouters(List.of("proteus", "omnirouter", "threshold", "slarouter", "best-fixed"))
                .withScaling(new Scenario.Scaling(1, 3_000)).withFloor(false).withProbeCeiling(false).withThreads(2);
    }

    private static String figures(Recommendation r) {
        StringBuilder b = new StringBuilder(r.recommended().map(PlanPoint::router).orElse("none"));
        for (PlanPoint p : r.candidates()) {
            b.append('\n').append(p.router()).append(' ').append(p.aimTarget()).append(' ').append(p.monthlySpend()).append(' ')
                    .append(p.meanSatisfaction()).append(' ').append(p.breachProbability()).append(' ').append(p.meetsSla());
        }
        return b.toString();
    }

    @Test
    void aSliderMoveGivesTheFreshPlannersAnswerBitForBit() throws Exception {
        TrafficSample sample = SyntheticWorkload.sample(1200, 5, 9);
        Planner shared = Planner.standard();
        shared.recommend(base(sample, 0.2, 40_000), options(), RunControl.NONE, PlanListener.NONE);
        // the feedback rate and the volume moved: same preparation, same training, other runs
        Recommendation moved = shared.recommend(base(sample, 0.5, 50_000), options(), RunControl.NONE, PlanListener.NONE);
        // a fresh planner on a fresh copy of the sample (identity differs: nothing is shared) on one thread
        TrafficSample copy = SyntheticWorkload.sample(1200, 5, 9);
        Recommendation fresh = Planner.standard().recommend(base(copy, 0.5, 50_000), options().withThreads(1), RunControl.NONE,
                PlanListener.NONE);
        assertEquals(figures(fresh), figures(moved));
    }
}
