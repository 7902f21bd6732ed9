package dev.switchyard.engine.sim;

/**
 * The (category, tier) cells of one replication's stream: each cell's expected score per model (the mean over
 * the evaluation rows of that cell) and the stream's cell shares before and after a mix shift. Scaled segments
 * are post-stratified by these cells (RealVolume, decision 0900).
 */
final class StreamCells {
    /** Cells per category: the sample's SLA tiers, or 1 without tiers. */
    final int tierSlots;
    /** Number of cells, categories x tier slots. */
    final int cells;
    /** Expected score of (cell, model), {@code [cell * m + model]}. */
    final double[] cellMean;
    /** Share of the stream drawn from each cell before the mix shift (rows are drawn uniformly). */
    final double[] sharesBefore;
    /** The same after the mix shift: categories by the shifted weights, tiers within a category by their rows. */
    final double[] sharesAfter;

    StreamCells(PreparedScenario p, RequestStream stream, int cats, int tiers) {
        int m = p.m;
        tierSlots = Math.max(1, tiers);
        cells = Math.max(1, cats) * tierSlots;
        cellMean = new double[cells * m];
        double[] cellRows = new double[cells];
        for (int r = 0; r < p.rows; r++) {
            int cell = p.category[r] * tierSlots + (tiers > 0 ? p.tier[r] : 0);
            cellRows[cell]++;
            for (int j = 0; j < m; j++) {
                cellMean[cell * m + j] += p.score[r * m + j];
            }
        }
        for (int cell = 0; cell < cellRows.length; cell++) {
            for (int j = 0; j < m; j++) {
                cellMean[cell * m + j] = cellRows[cell] == 0 ? 0 : cellMean[cell * m + j] / cellRows[cell];
            }
        }
        sharesBefore = new double[cells];
        sharesAfter = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            int c = cell / tierSlots;
            sharesBefore[cell] = cellRows[cell] / p.rows;
            int catRows = c < cats ? p.rowsByCategory[c].length : 0;
            sharesAfter[cell] = catRows == 0 ? 0 : stream.shiftedCategoryShare(c) * cellRows[cell] / catRows;
        }
    }
}
