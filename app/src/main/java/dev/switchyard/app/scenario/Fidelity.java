package dev.switchyard.app.scenario;

/**
 * How much of the stream a run simulates request by request. A slider move first gets a
 * {@link #PREVIEW} (on screen within a few hundred milliseconds, labelled as such), then the
 * {@link #FULL} run replaces it. Sweeps over dozens of scenarios use {@link #SWEEP}.
 *
 * @param exactDays days at the start simulated request by request (learning dynamics)
 * @param maxSimulatedPerMonth beyond those days, requests simulated per month and weighted up to the volume
 * @param maxReplications cap on replications (0 = as the scenario says)
 */
public enum Fidelity {
    PREVIEW(2, 20_000, 2),
    SWEEP(3, 20_000, 3),
    FULL(14, 60_000, 0);

    private final int exactDays;
    private final long maxSimulatedPerMonth;
    private final int maxReplications;

    Fidelity(int exactDays, long maxSimulatedPerMonth, int maxReplications) {
        this.exactDays = exactDays;
        this.maxSimulatedPerMonth = maxSimulatedPerMonth;
        this.maxReplications = maxReplications;
    }

    public int exactDays() {
        return exactDays;
    }

    public long maxSimulatedPerMonth() {
        return maxSimulatedPerMonth;
    }

    public int replications(int requested) {
        return maxReplications == 0 ? requested : Math.min(requested, maxReplications);
    }
}
