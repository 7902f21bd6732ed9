package dev.switchyard.engine.export;

import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;

import java.time.Instant;

/**
 * A simulation whose replication-0 router is kept, so the run can be exported as a configuration
 * with the router's initial (trained) and warm (learned) state. With one replication the run
 * itself captures it (no extra cost); with several, replication 0 is simulated once more on its
 * own, which draws the same numbers (every generator derives from seed and replication only).
 */
public record CapturedRun(SimulationResult result, RouterCapture capture) {

    public static CapturedRun simulate(Scenario s, PreparedScenario prepared, int threads, RunControl control) {
        String refusal = ConfiguredRouters.refusal(Routers.standard().descriptor(s.router()));
        if (refusal != null) {
            throw new IllegalArgumentException("cannot export a configuration: " + refusal);
        }
        RouterCapture capture = new RouterCapture(s.router());
        if (s.replications() == 1) {
            SimulationResult r = new Simulator(capture.registry(), threads).run(prepared, s, control);
            return new CapturedRun(r, capture);
        }
        SimulationResult r = new Simulator(Routers.standard(), threads).run(prepared, s, control);
        new Simulator(capture.registry(), 1).run(prepared, s.withReplications(1), RunControl.NONE);
        return new CapturedRun(r, capture);
    }

    /** The configuration of this run. */
    public RoutingConfig config(Scenario s, PreparedScenario prepared, String workspace, Instant now) {
        return RoutingConfigs.export(s, prepared, result, workspace, now, capture);
    }
}
