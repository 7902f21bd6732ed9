package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.oracle.HiddenTruth;

/** The hidden truth of one request's row, for hindsight bounds only (routers never see it). Reused. */
final class RowTruth implements HiddenTruth {
    private final PreparedScenario p;
    private final int m;
    int row;
    boolean shifted;

    RowTruth(PreparedScenario p) {
        this.p = p;
        this.m = p.m;
    }

    @Override
    public boolean afterMixShift() {
        return shifted;
    }

    @Override
    public int row() {
        return row;
    }

    @Override
    public double score(int model) {
        return p.score[row * m + model];
    }

    @Override
    public double normalisedRealisedCost(int model) {
        return p.realisedNorm[row * m + model];
    }
}
