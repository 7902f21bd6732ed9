package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.LatencyModel;
import dev.switchyard.engine.routing.LatencyPriors;
import dev.switchyard.engine.routing.LatencyTarget;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sample.NamedTraffic;
import dev.switchyard.engine.sample.SampleBundle;
import dev.switchyard.engine.sample.SampleData;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The threshold router and PROTEUS take the latency term as a filter (routing/online/LatencyFilter): on the bundled
 * support-desk sample with L at the median of the catalog's p95 TTFTs (so some models are over it at every prompt length
 * and some are not, whatever the sample's exact figures), each router without the term serves models that are over L
 * even on the shortest prompts, and with it serves none of them and keeps the share of answers over L within 5%.
 */
class OfflineLatencyFilterTest {

    @Test
    void thresholdAndProteusFilterModelsThatBreakTheLatencyTerm() throws Exception {
        SampleBundle bundle = SampleData.load();
        TrafficSample sample = bundle.traffic().stream().filter(t -> t.name().equals("support-desk")).findFirst()
                .map(NamedTraffic::sample).orElseThrow();
        Scenario base = Scenario.of(sample, bundle.priceSheets().get(0), bundle.catalog(), "threshold")
                .withVolume(Scenario.Volume.requests(20_000)).withReplications(1).withSeed(7)
                .withSla(new Scenario.Sla(0.9, Scenario.Window.WEEK, 0)).withScaling(Scenario.Scaling.exact());
        PreparedScenario p = PreparedScenario.of(base);
        LatencyPriors priors = p.latencyPriors();
        double[] p95 = new double[priors.modelCount()];
        for (int j = 0; j < p95.length; j++) {
            p95[j] = priors.ttftP95Ms(j);
        }
        double[] sorted = p95.clone();
        Arrays.sort(sorted);
        double l = sorted[sorted.length / 2];
        boolean[] overEverywhere = new boolean[p95.length];
        for (int j = 0; j < p95.length; j++) {
            overEverywhere[j] = LatencyModel.priorExceedance(priors, j, 1, l, LatencyTarget.Metric.TTFT, 0) > 0.05 + 1e-9;
        }
        Simulator sim = new Simulator(Routers.standard(), 1);
        for (String router : new String[] {"threshold", "proteus"}) {
            Scenario free = base.withRouter(router);
            SimulationResult f = sim.run(p, free, RunControl.NONE);
            SimulationResult held = sim.run(p, free.withLatency(LatencyTarget.of(l, 0.95)), RunControl.NONE);
            double freeExcluded = share(f, overEverywhere);
            double heldExcluded = share(held, overEverywhere);
            assertTrue(freeExcluded > 0, router + ": without the term it serves models over L " + l + " ms: " + freeExcluded);
            assertTrue(heldExcluded == 0, router + ": with the term it serves none of them: " + heldExcluded);
            double over = held.latency().overTargetShare().mean();
            assertTrue(over <= 0.05, router + ": share of answers over L " + over);
        }
    }

    static double share(SimulationResult r, boolean[] models) {
        double s = 0;
        for (int j = 0; j < models.length; j++) {
            if (models[j]) {
                s += r.models().get(j).requestShare().mean();
            }
        }
        return s;
    }
}
