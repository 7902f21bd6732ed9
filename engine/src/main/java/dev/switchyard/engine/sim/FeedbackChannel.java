package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.Signal;

/**
 * What the router is told about each answer it paid for, by common random numbers keyed by (seed, replication,
 * request, model) so that two routers or two targets see the same user reactions to the same answers. Three
 * cases (decision 0900, "feedback leaks"):
 * <ul>
 *   <li>the served answer: the scenario's feedback (one-sided reports, sparse two-sided labels, or full labels);</li>
 *   <li>an explored answer that was not served: the user never saw it, so no report and no label
 *       ({@code UNLABELLED}), except under full feedback;</li>
 *   <li>an explore-all step (every model of the pool called, MESS+'s exploration): every called answer is
 *       labelled, as in MESS+'s paper, which evaluates all of them.</li>
 * </ul>
 * An observation tape (tests) can record or replay the signals and judge verdicts.
 */
final class FeedbackChannel {
    static final byte REPORT = (byte) Signal.REPORT.ordinal();
    static final byte SILENCE = (byte) Signal.SILENCE.ordinal();
    static final byte SATISFIED = (byte) Signal.SATISFIED.ordinal();
    static final byte DISSATISFIED = (byte) Signal.DISSATISFIED.ordinal();
    static final byte UNLABELLED = (byte) Signal.UNLABELLED.ordinal();

    private final CounterRandom feedbackRng;
    private final CounterRandom judgeRng;
    private final boolean oneSided;
    private final boolean twoSided;
    private final double q;
    private final SignalTape tape;
    private final double[] reportBelow; // [outcome]: q for a failed answer, f for a good one

    FeedbackChannel(Scenario s, int replication, SignalTape tape) {
        this.feedbackRng = new CounterRandom(s.seed(), replication, Seeds.FEEDBACK);
        this.judgeRng = new CounterRandom(s.seed(), replication, Seeds.JUDGE);
        this.oneSided = s.feedback().kind() == FeedbackKind.ONE_SIDED;
        this.twoSided = s.feedback().kind() == FeedbackKind.TWO_SIDED_SPARSE;
        this.q = s.feedback().rate();
        this.tape = tape;
        this.reportBelow = new double[] {q, s.feedback().falseReportRate()};
    }

    /**
     * The signal for one called answer (ok: its true outcome). The served answer without a tape is the per-request
     * case and stays small enough to inline into the simulator's loop; the rest is out of line.
     */
    byte signal(int ok, long seq, int model, boolean served, boolean exploreAll) {
        if (!served || exploreAll || tape != null) {
            return other(ok, seq, model, served, exploreAll);
        }
        return drawn(ok, seq, model);
    }

    private byte drawn(int ok, long seq, int model) {
        if (oneSided) {
            // one uniform per (request, model), compared with the outcome's report probability: q for a failed answer,
            // f for a good one (never when f is 0: u >= 0), looked up rather than branched on, as the outcome is as
            // random as the request
            double u = feedbackRng.uniform(seq, model);
            return u < reportBelow[ok] ? REPORT : SILENCE;
        }
        if (twoSided) {
            return feedbackRng.uniform(seq, model) < q ? (ok == 1 ? SATISFIED : DISSATISFIED) : UNLABELLED;
        }
        return ok == 1 ? SATISFIED : DISSATISFIED;
    }

    private byte other(int ok, long seq, int model, boolean served, boolean exploreAll) {
        if (tape != null && tape.replaying()) {
            return tape.nextSignal();
        }
        byte b;
        if (exploreAll) {
            b = ok == 1 ? SATISFIED : DISSATISFIED;
        } else if (!served && (oneSided || twoSided)) {
            b = UNLABELLED;
        } else {
            b = drawn(ok, seq, model);
        }
        if (tape != null) {
            tape.recordSignal(b);
        }
        return b;
    }

    /** The judge's verdict on a produced answer: accepts a satisfying one, flipped with the error rate. */
    boolean judge(int ok, double errorRate, long seq, int model) {
        if (tape != null && tape.replaying()) {
            return tape.nextVerdict();
        }
        boolean accept = ok == 1;
        if (errorRate > 0 && judgeRng.uniform(seq, model) < errorRate) {
            accept = !accept;
        }
        if (tape != null) {
            tape.recordVerdict(accept);
        }
        return accept;
    }

    /** True when the signal carries information a router counts as feedback (reports and labels). */
    static boolean informative(byte sig) {
        return sig != UNLABELLED && sig != SILENCE;
    }
}
