package dev.switchyard.engine.routing.proteus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.offline.TauGridReport;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import org.junit.jupiter.api.Test;

/**
 * PROTEUS end to end through the simulator on the bundled sample data: trained on the calibration
 * split, evaluated on a stream drawn from the other queries, satisfaction on the hidden truth.
 */
class ProteusOnSampleDataTest {

    @Test
    void followsTheTargetOnTheBundledSupportDesk() throws Exception {
        SampleBundle bundle = SampleData.load();
        NamedTraffic desk = bundle.traffic().stream().filter(t -> t.name().equals("support-desk")).findFirst().orElseThrow();
        Scenario base = Scenario.of(desk.sample(), bundle.priceSheets().get(0), bundle.catalog(), "proteus")
                .withVolume(Scenario.Volume.requests(100_000)).withReplications(1).withSeed(5);
        PreparedScenario prepared = PreparedScenario.of(base);
        TauGridReport report = TauGridReport.over(TauGridReport.grid(0.85, 0.93, 0.02), tau -> {
            SimulationResult r = Simulator.standard().run(prepared, base.withTarget(tau), RunControl.NONE);
            return new TauGridReport.Point(tau, r.meanSatisfaction().mean(), r.costPerRequest().mean());
        });
        for (TauGridReport.Point p : report.points()) {
            System.out.printf("support-desk PROTEUS tau %.2f -> %.4f, $%.6f/request%n", p.tau(), p.achieved(), p.costPerRequest());
        }
        System.out.println("support-desk PROTEUS: " + report.summary());
        assertTrue(report.tauResponseCorrelation() > 0.9, report.summary());
        assertTrue(report.floorComplianceRate() >= 0.8, report.summary());
    }
}
