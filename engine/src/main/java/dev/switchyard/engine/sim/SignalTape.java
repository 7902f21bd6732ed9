package dev.switchyard.engine.sim;

import java.util.Arrays;

/**
 * Test hook: records every observation a router gets (feedback signals, judge verdicts) and every
 * decision, or replays recorded observations instead of drawing them. Replaying the observations
 * of one run on a sample with different hidden scores must reproduce every decision: the router
 * has no other path to the truth.
 */
final class SignalTape {
    private byte[] signals = new byte[1024];
    private int signalCount;
    private boolean[] verdicts = new boolean[1024];
    private int verdictCount;
    private int[] decisions = new int[1024];
    private int decisionCount;
    private final boolean replay;
    private int signalPos;
    private int verdictPos;

    private SignalTape(boolean replay) {
        this.replay = replay;
    }

    static SignalTape recording() {
        return new SignalTape(false);
    }

    /** A tape that feeds back {@code recorded}'s observations and records decisions afresh. */
    static SignalTape replaying(SignalTape recorded) {
        SignalTape t = new SignalTape(true);
        t.signals = Arrays.copyOf(recorded.signals, recorded.signalCount);
        t.signalCount = recorded.signalCount;
        t.verdicts = Arrays.copyOf(recorded.verdicts, recorded.verdictCount);
        t.verdictCount = recorded.verdictCount;
        return t;
    }

    boolean replaying() {
        return replay;
    }

    void recordSignal(byte b) {
        if (signalCount == signals.length) {
            signals = Arrays.copyOf(signals, signals.length * 2);
        }
        signals[signalCount++] = b;
    }

    byte nextSignal() {
        if (signalPos >= signalCount) {
            throw new IllegalStateException("replay asked for more observations than were recorded");
        }
        return signals[signalPos++];
    }

    void recordVerdict(boolean v) {
        if (verdictCount == verdicts.length) {
            verdicts = Arrays.copyOf(verdicts, verdicts.length * 2);
        }
        verdicts[verdictCount++] = v;
    }

    boolean nextVerdict() {
        if (verdictPos >= verdictCount) {
            throw new IllegalStateException("replay asked for more judge verdicts than were recorded");
        }
        return verdicts[verdictPos++];
    }

    void decision(int model, int calls) {
        if (decisionCount + 2 > decisions.length) {
            decisions = Arrays.copyOf(decisions, decisions.length * 2);
        }
        decisions[decisionCount++] = model;
        decisions[decisionCount++] = calls;
    }

    int[] decisions() {
        return Arrays.copyOf(decisions, decisionCount);
    }

    int signalCount() {
        return signalCount;
    }
}
