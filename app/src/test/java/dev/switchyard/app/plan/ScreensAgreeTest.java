package dev.switchyard.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchyard.app.common.Debouncer;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.app.data.DataSession;
import dev.switchyard.app.data.DataSet;
import dev.switchyard.app.negotiate.NegotiateViewModel;
import dev.switchyard.app.negotiate.NegotiationResult;
import dev.switchyard.app.scenario.EnginePlanner;
import dev.switchyard.app.scenario.Fidelity;
import dev.switchyard.app.scenario.ScenarioOutcome;
import dev.switchyard.app.scenario.ScenarioSettings;
import dev.switchyard.app.scenario.ScenarioViewModel;
import dev.switchyard.app.scenario.SlaWindow;
import dev.switchyard.engine.sample.SampleDataGenerator;

/**
 * Issue 9/11: the Scenario screen, the recommendation and the Negotiate screen show one figure for one setting.
 * Real engine, same-thread executor: the view models as the app wires them, without a window.
 */
class ScreensAgreeTest {
    private static DataSet data;

    @BeforeAll
    static void generate() {
        var g = SampleDataGenerator.generate(SampleDataGenerator.Parameters.defaults().withQueryScale(0.25));
        data = new DataSet(g.catalog(), g.priceSheets(), g.traffic().get(0).sample(), "generated");
    }

    private record Screens(ScenarioViewModel scenario, PlanViewModel plan, NegotiateViewModel negotiate) {
    }

    private static Screens screens() {
        TaskRunner runner = TaskRunner.sameThread();
        EnginePlanner engine = new EnginePlanner();
        EnginePlanning planning = new EnginePlanning(engine);
        DataSession session = new DataSession();
        ScenarioViewModel scenario = new ScenarioViewModel(session, engine, runner, Debouncer.immediate());
        scenario.autoRunProperty().set(false);
        session.set(data);
        // small enough for a unit test: 3 months of 200,000 requests, 2 replications
        scenario.targetProperty().set(0.85);
        scenario.windowProperty().set(SlaWindow.WEEK);
        scenario.monthlyVolumeProperty().set(200_000);
        scenario.horizonMonthsProperty().set(3);
        scenario.replicationsProperty().set(2);
        NegotiateViewModel negotiate = new NegotiateViewModel(session, engine, planning, runner, scenario::settings);
        PlanViewModel plan = new PlanViewModel(scenario, planning, runner, Debouncer.immediate());
        return new Screens(scenario, plan, negotiate);
    }

    @Test
    void scenarioAndNegotiateShowTheSameFigureForTheSameSetting() {
        Screens s = screens();
        // the grid's router ignores feedback: one grid row keeps the test fast
        s.scenario().routerProperty().set(s.scenario().routers().stream().filter(r -> r.name().equals("cheapest"))
                .findFirst().orElseThrow());
        s.negotiate().chosenRouters().setAll(List.of("slarouter"));
        s.negotiate().analyse();
        NegotiationResult n = s.negotiate().resultProperty().get();
        assertNotNull(n, s.negotiate().statusProperty().get());
        NegotiationResult.Point p = n.curve().stream().filter(x -> x.router().equals("slarouter")
                && Math.abs(x.target() - 0.85) < 1e-9).findFirst().orElseThrow();

        // the same setting on the Scenario screen: router, parameters and aim as Negotiate ran them
        ScenarioSettings here = s.scenario().settings();
        s.scenario().apply(here.withRouter("slarouter", p.params()).withAim(p.aim()));
        s.scenario().runNow();
        ScenarioOutcome o = s.scenario().outcomeProperty().get();
        assertEquals(Fidelity.FULL, o.fidelity());
        assertEquals(p.aim(), o.judgement().aim(), 1e-12);
        assertEquals(0.85, o.judgement().target(), 1e-12, "judged against the contract, not the aim");
        // one definition, one run: equal (and so inside the interval Negotiate states)
        assertEquals(p.monthlySpend(), o.monthlySpend(), 1e-9 * p.monthlySpend());
        assertEquals(p.costPer1k(), o.costPer1k(), 1e-9 * p.costPer1k());
        assertEquals(p.satisfaction(), o.satisfaction(), 1e-12);
        assertEquals(p.breachProbability(), o.breachProbability(), 1e-12);
        assertTrue(o.breachProbability() >= p.breachLow() - 1e-12 && o.breachProbability() <= p.breachHigh() + 1e-12,
                o.breachProbability() + " outside [" + p.breachLow() + ", " + p.breachHigh() + "]");
        assertEquals(p.meetsSla(), o.judgement().meetsSla());
    }

    @Test
    void theRecommendationPutOnScreenIsWhatTheTilesShow() {
        Screens s = screens();
        s.plan().refresh();
        Advice a = s.plan().adviceProperty().get();
        assertNotNull(a, s.plan().errorProperty().get());
        Candidate c = a.recommended().orElseThrow(() -> new AssertionError("no recommendation at 85%: " + a.candidates()));
        // the first recommendation is applied (router, parameters, aim); the full run is the recommendation's own run
        assertEquals(c.router(), s.scenario().settings().router());
        assertEquals(c.aimTarget(), s.scenario().settings().routerAim(), 1e-12);
        s.scenario().runNow();
        ScenarioOutcome o = s.scenario().outcomeProperty().get();
        assertEquals(c.monthlySpend(), o.monthlySpend(), 1e-9 * c.monthlySpend());
        assertEquals(c.breachProbability(), o.breachProbability(), 1e-12);
        assertEquals(c.satisfaction(), o.satisfaction(), 1e-12);
        assertTrue(s.plan().recommendedOnScreenProperty().get());
        assertTrue(s.plan().tilesCaptionProperty().get().startsWith("Below: the recommended setting"),
                s.plan().tilesCaptionProperty().get());
        // the user's own setting is labelled as such
        s.scenario().targetProperty().set(0.86);
        s.scenario().runNow();
        assertTrue(!s.plan().recommendedOnScreenProperty().get());
        assertTrue(s.plan().tilesCaptionProperty().get().startsWith("Below: your setting"), s.plan().tilesCaptionProperty().get());
    }
}
