package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Router;
import dev.switchyard.engine.routing.Serving;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.WarmState;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a router that does not read feedback ({@link Router#readsFeedback()} false) once for several feedback settings
 * (decision 1050). The run it wraps is simulated with full, immediate feedback, so every served answer's observation
 * carries its true outcome; from that outcome and the feedback stream's own draw, each member's channel
 * ({@link FeedbackChannel}, the same code and keys as a run at that setting) says what that run's user would have
 * reported, and informative signals are counted per member. The learning trace's running counts are taken where the
 * trace takes its points (it asks {@link #multiplier()} once per point), and checked against the shared run's own.
 * Everything else of the shared run is what each member's run reports, since the wrapped router routes the same
 * whatever it is told.
 */
final class FeedbackTally implements Router {
    private final Router inner;
    private final FeedbackChannel[] channels;
    private final long[] counts;
    private long delivered;
    // per trace point: the members' running counts, then the shared run's own (every full-feedback signal is informative)
    private final List<long[]> snapshots = new ArrayList<>();

    FeedbackTally(Router inner, List<Scenario> members, int replication) {
        if (inner.readsFeedback()) {
            throw new IllegalArgumentException("a router that reads feedback must be simulated at each feedback rate");
        }
        this.inner = inner;
        this.channels = new FeedbackChannel[members.size()];
        for (int k = 0; k < channels.length; k++) {
            channels[k] = new FeedbackChannel(members.get(k), replication, null);
        }
        this.counts = new long[channels.length];
    }

    /** The shared run's scenario: the first member's, with full feedback and no delay (every signal delivered at once). */
    static Scenario shared(Scenario first) {
        return first.withFeedback(Scenario.Feedback.full());
    }

    @Override
    public int route(RequestView request, Serving serving) {
        return inner.route(request, serving);
    }

    @Override
    public void observe(FeedbackEvent event) {
        if (!event.served()) {
            throw new IllegalStateException("router declares that it does not read feedback but called a model it did not"
                    + " serve while exploring; it must be simulated at each feedback rate");
        }
        Signal sig = event.signal();
        if (sig != Signal.SATISFIED && sig != Signal.DISSATISFIED) {
            throw new IllegalStateException("the shared run must have full feedback, got " + sig);
        }
        int ok = sig == Signal.SATISFIED ? 1 : 0;
        long seq = event.request().sequence();
        int model = event.model();
        for (int k = 0; k < channels.length; k++) {
            if (FeedbackChannel.informative(channels[k].signal(ok, seq, model, true, false))) {
                counts[k]++;
            }
        }
        delivered++;
        inner.observe(event);
    }

    @Override
    public boolean loadsAhead() {
        return inner.loadsAhead();
    }

    @Override
    public void upcoming(int queryKey) {
        inner.upcoming(queryKey);
    }

    @Override
    public void observeLatency(RequestView request, int model, double ttftMs, double totalMs) {
        inner.observeLatency(request, model, ttftMs, totalMs);
    }

    @Override
    public double multiplier() {
        long[] snap = java.util.Arrays.copyOf(counts, counts.length + 1);
        snap[counts.length] = delivered;
        snapshots.add(snap);
        return inner.multiplier();
    }

    @Override
    public double explorationRate() {
        return inner.explorationRate();
    }

    @Override
    public double estimatedSatisfaction() {
        return inner.estimatedSatisfaction();
    }

    @Override
    public LearnedState exportState() {
        return inner.exportState();
    }

    @Override
    public WarmState warmState() {
        return inner.warmState();
    }

    @Override
    public void restoreState(WarmState state) {
        inner.restoreState(state);
    }

    @Override
    public boolean readsFeedback() {
        return false;
    }

    /**
     * Each member's replication from the shared run's: its signal count and its trace's. Fails when the shared run's
     * own counts do not line up with what this tally saw (a trace point taken without asking the multiplier, a signal
     * the simulator counted without delivering it): then the shortcut would not be exact.
     */
    List<ReplicationResult> perMember(ReplicationResult shared) {
        List<TracePoint> trace = shared.trace();
        if (shared.signals() != delivered || trace.size() != snapshots.size()) {
            throw new IllegalStateException("feedback sharing out of step: the shared run counted " + shared.signals()
                    + " signals at " + trace.size() + " trace points, the tally " + delivered + " at " + snapshots.size());
        }
        for (int j = 0; j < trace.size(); j++) {
            if (trace.get(j).signals() != snapshots.get(j)[counts.length]) {
                throw new IllegalStateException("feedback sharing out of step at trace point " + j + " (request "
                        + trace.get(j).request() + ")");
            }
        }
        List<ReplicationResult> out = new ArrayList<>(channels.length);
        for (int k = 0; k < channels.length; k++) {
            List<TracePoint> t = new ArrayList<>(trace.size());
            for (int j = 0; j < trace.size(); j++) {
                TracePoint p = trace.get(j);
                t.add(new TracePoint(p.request(), p.timeMillis(), p.multiplier(), p.epsilon(),
                        p.estimatedSatisfaction(), p.realisedSatisfaction(), p.costPerRequest(), snapshots.get(j)[k]));
            }
            out.add(shared.withSignals(counts[k], List.copyOf(t)));
        }
        return out;
    }
}
