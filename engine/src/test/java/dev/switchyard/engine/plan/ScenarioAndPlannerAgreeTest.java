package dev.switchyard.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.sim.Interval;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Scenario figures and the Negotiate/recommend figures agree for the same setting: every point the planner
 * reports (router, parameters as run, aim) is simulated again as a plain scenario, the way the Scenario screen
 * and {@code simulate} run it, with the planner's scaling and replications. Monthly spend and mean satisfaction
 * come from the same runs, so they must be equal; the window breach share is estimated two ways (the planner pools
 * each scaled month's outcomes, the simulator post-stratifies expected scores) and must agree within the 90%
 * intervals each states.
 */
class ScenarioAndPlannerAgreeTest {

    private static Scenario base() throws Exception {
        SampleBundle b = SampleData.load(SampleData.locate());
        NamedTraffic t = b.traffic().stream().filter(n -> n.name().equals("support-desk")).findFirst().orElseThrow();
        return Scenario.of(t.sample(), b.priceSheets().get(0), b.catalog(), "slarouter").withTarget(0.9)
                .withVolume(new Scenario.Volume(300_000, 0.05, 2, false));
    }

    @Test
    void negotiateAndRecommendPointsAreWhatTheScenarioSimulationShows() throws Exception {
        PlanOptions options = PlanOptions.defaults().withRouters(List.of("slarouter", "cheapest-meeting-target", "random-mix"))
                .withReplications(3).withThreads(2).withFloor(false);
        Scenario base = base();
        Planner planner = Planner.standard();
        Negotiation n = planner.negotiate(base, List.of(0.85, 0.9), options, RunControl.NONE, PlanListener.NONE);
        Recommendation r = planner.recommend(base, options, RunControl.NONE, PlanListener.NONE);
        List<PlanPoint> points = new ArrayList<>(n.points());
        points.add(r.recommended().orElseThrow(() -> new AssertionError("no recommendation at 90%: " + r.candidates())));
        Scenario planned = base.withScaling(options.scaling()).withReplications(options.replications());
        Simulator simulator = Simulator.standard().withThreads(2);
        int breachCompared = 0;
        for (PlanPoint p : points) {
            String what = p.router() + " " + p.params() + " aiming at " + p.aimTarget() + " for " + p.target();
            SimulationResult sim = simulator.run(planned.withRouter(p.router(), new RouterParameters(p.params()))
                    .withTarget(p.aimTarget()));
            assertEquals(p.monthlySpend(), sim.monthlySpend().mean(), 1e-9 * p.monthlySpend(), "monthly spend, " + what);
            assertEquals(p.meanSatisfaction(), sim.meanSatisfaction().mean(), 1e-9, "mean satisfaction, " + what);
            if (Math.abs(p.aimTarget() - p.target()) < 1e-12 && !Double.isNaN(p.breachProbability())) {
                // the simulation's windows are judged against its own target, here the contract target itself
                double simBreach = 1 - sim.windowCompliance().mean();
                Interval simInterval = sim.windowComplianceInterval();
                Interval planInterval = p.breachInterval();
                assertTrue(simInterval.defined() && planInterval.defined(), what + ": both state an interval");
                double allowed = simInterval.halfWidth() + planInterval.halfWidth() + 1e-9;
                assertTrue(Math.abs(simBreach - p.breachProbability()) <= allowed, what + ": breach share " + p.breachProbability()
                        + " (planner, " + planInterval + ") vs " + simBreach + " (scenario, compliance " + simInterval + ")");
                breachCompared++;
            }
        }
        assertTrue(breachCompared >= 2, "the breach share was compared on " + breachCompared + " points only: " + points);
    }
}
