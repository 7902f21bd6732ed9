package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.Serving;

/**
 * What a router did for one request: the models it called (each call's hidden outcome drawn once), what it spent
 * including the scenario's judge, and whether it explored. Reused; reset at each request.
 */
final class CallLedger implements Serving {
    private final int m;
    private final RequestStream stream;
    private final FeedbackChannel channel;
    // the scenario's judge (decision 0307): its error rate and price are not the router's to choose
    private final double judgeError;
    private final double judgeCost;
    private final boolean[] called;
    final int[] list;
    final int[] outcome;
    int n;
    private float[] cells; // the month's packed rows (ReplicationRun switches them with the cost epochs)
    int base;
    private long seq;
    double spend;
    double judgeSpend;
    boolean exploring;
    boolean judged;

    CallLedger(int m, float[] cells, RequestStream stream, FeedbackChannel channel, double judgeError, double judgeCost) {
        this.m = m;
        this.cells = cells;
        this.stream = stream;
        this.channel = channel;
        this.judgeError = judgeError;
        this.judgeCost = judgeCost;
        this.called = new boolean[m];
        this.list = new int[m];
        this.outcome = new int[m];
    }

    /** The month's packed rows: a timeline's cost epochs switch them. */
    void month(float[] monthCells) {
        this.cells = monthCells;
    }

    void reset(int cellBase, long sequence) {
        for (int k = 0; k < n; k++) {
            called[list[k]] = false;
        }
        n = 0;
        this.base = cellBase;
        this.seq = sequence;
        spend = 0;
        judgeSpend = 0;
        exploring = false;
        judged = false;
    }

    /** Expected USD cost of {@code model}'s call on this request. */
    double callCost(int model) {
        return cells[base + m + model];
    }

    @Override
    public double call(int model) {
        if (model < 0 || model >= m) {
            throw new IllegalArgumentException("model index " + model + " outside the pool of " + m);
        }
        double c = cells[base + m + model];
        if (!called[model]) {
            called[model] = true;
            list[n++] = model;
            outcome[model] = stream.outcome(seq, model, cells[base + 2 * m + model]);
            spend += c;
        }
        return c;
    }

    /** The scenario's judge: its error rate, and its price added to this request's spend. */
    @Override
    public boolean judge(int model) {
        if (model < 0 || model >= m || !called[model]) {
            throw new IllegalStateException("the judge can only rate an answer that was produced: call model " + model + " first");
        }
        spend += judgeCost;
        judgeSpend += judgeCost;
        judged = true;
        return channel.judge(outcome[model], judgeError, seq, model);
    }

    /** The router's error rate is ignored: the judge is the scenario's (see {@link Serving#judge(int, double)}). */
    @Override
    public boolean judge(int model, double ignoredErrorRate) {
        return judge(model);
    }

    @Override
    public void explore() {
        exploring = true;
    }

    @Override
    public int calls() {
        return n;
    }
}
