package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.FeatureVector;
import dev.switchyard.engine.routing.RequestView;

/** The request view a router sees. Reused: re-pointed at each request, so the hot loop allocates nothing. */
final class RouterRequest implements RequestView {
    private static final long DAY_MS = 86_400_000L;
    private final PreparedScenario p;
    private final int m;
    // the month's expected USD costs (a timeline's cost epochs switch them, PreparedScenario.expectedUsdForMonth)
    private float[] expectedUsd;
    private float[] cells;
    private int row;
    private long seq;
    private int day;
    private double frac;
    private int base;

    RouterRequest(PreparedScenario p) {
        this.p = p;
        this.m = p.m;
        this.expectedUsd = p.expectedUsd;
    }

    /** The month's packed cells (switched by a timeline's cost epochs) and expected USD costs. */
    void month(float[] monthCells, float[] monthExpectedUsd) {
        this.cells = monthCells;
        this.expectedUsd = monthExpectedUsd;
    }

    void set(float[] cellArray, int cellBase, int rowIndex, long sequence, int dayIndex, double dayFraction) {
        this.cells = cellArray;
        this.base = cellBase;
        this.row = rowIndex;
        this.seq = sequence;
        this.day = dayIndex;
        this.frac = dayFraction;
    }

    /**
     * Re-points at a row of the same cell array: the loop's per-request update stores no reference,
     * so no GC write barrier runs (the current request's cells are the month's packed rows, set by {@link #month}).
     */
    void at(int cellBase, int rowIndex, long sequence, int dayIndex, double dayFraction) {
        this.base = cellBase;
        this.row = rowIndex;
        this.seq = sequence;
        this.day = dayIndex;
        this.frac = dayFraction;
    }

    @Override
    public long sequence() {
        return seq;
    }

    @Override
    public int queryKey() {
        return row;
    }

    @Override
    public int category() {
        return p.category[row];
    }

    @Override
    public int inputTokens() {
        return p.inputTokens[row];
    }

    @Override
    public int cachedInputTokens() {
        return p.cachedTokens[row];
    }

    @Override
    public int tenant() {
        return p.tenant[row];
    }

    @Override
    public int slaTier() {
        return p.tier[row];
    }

    @Override
    public long timeMillis() {
        return p.startMillis + day * DAY_MS + p.timeOfDay(frac);
    }

    @Override
    public int modelCount() {
        return m;
    }

    @Override
    public double expectedCost(int model) {
        return expectedUsd[row * m + model];
    }

    @Override
    public double normalisedCost(int model) {
        return cells[base + model];
    }

    @Override
    public FeatureVector textFeatures() {
        return p.features[row];
    }
}
