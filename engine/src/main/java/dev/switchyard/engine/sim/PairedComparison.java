package dev.switchyard.engine.sim;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Paired differences between two results of the same scenario and seed (router vs router, target vs target, price
 * sheet vs price sheet...). Because stream, truth and feedback are common random numbers (decision 0901),
 * replication {@code r} of {@code a} and replication {@code r} of {@code b} faced the same requests with the same
 * hidden truth and the same user reactions; the difference of a figure is therefore taken replication by
 * replication, and its spread is the spread of those differences, not of the two figures (which would add the
 * traffic's own noise twice).
 *
 * <p>Every difference is {@code a - b}, reported with its standard error over replications and a 90% Student-t
 * interval ({@link Interval#studentT}). Two identical routers give a zero difference with zero spread.
 *
 * <pre>{@code
 * SimulationResult hi = sim.run(scenario.withTarget(0.93));
 * SimulationResult lo = sim.run(scenario.withTarget(0.92));
 * PairedComparison pair = PairedComparison.of(hi, lo);
 * Difference extra = pair.costPerRequest();           // USD per request, hi - lo
 * Difference perPoint = pair.costPerTargetPoint();    // USD per request per SLA point
 * boolean surelyDearer = extra.interval().low() > 0;
 * }</pre>
 *
 * Both results must keep their replications ({@link SimulationResult#replications()} non-empty: the engine's own
 * results do; the CLI's JSON and sweep points drop them).
 */
public final class PairedComparison {
    private final SimulationResult a;
    private final SimulationResult b;

    /**
     * One paired difference.
     *
     * @param metric what was compared
     * @param mean mean over replications of (a - b)
     * @param standardError standard error of that mean over replications (0 with one replication)
     * @param interval 90% Student-t interval of the mean difference
     * @param replications replications paired
     * @param perReplication the differences, by replication
     */
    public record Difference(String metric, double mean, double standardError, Interval interval, int replications,
            List<Double> perReplication) {
        public Difference {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(interval, "interval");
            perReplication = List.copyOf(perReplication);
        }

        /** True when the interval lies wholly above zero (a is larger, beyond the noise). */
        public boolean surelyPositive() {
            return interval.low() > 0;
        }

        /** True when the interval lies wholly below zero. */
        public boolean surelyNegative() {
            return interval.high() < 0;
        }
    }

    private PairedComparison(SimulationResult a, SimulationResult b) {
        this.a = a;
        this.b = b;
    }

    /**
     * @throws IllegalArgumentException when the two results cannot be paired: different seeds, sample, volume or
     *     replication count, or replications dropped
     */
    public static PairedComparison of(SimulationResult a, SimulationResult b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.seed() != b.seed()) {
            throw new IllegalArgumentException("cannot pair results of different seeds (" + a.seed() + " and " + b.seed()
                    + "): their requests are not the same");
        }
        if (!a.scenario().sample().equals(b.scenario().sample())
                || a.scenario().evaluationQueries() != b.scenario().evaluationQueries()) {
            throw new IllegalArgumentException("cannot pair results on different samples ('" + a.scenario().sample() + "', '"
                    + b.scenario().sample() + "')");
        }
        if (a.requests() != b.requests() || a.simulatedRequests() != b.simulatedRequests()) {
            throw new IllegalArgumentException("cannot pair results of different volumes (" + a.requests() + " and "
                    + b.requests() + " requests, " + a.simulatedRequests() + " and " + b.simulatedRequests() + " simulated)");
        }
        if (a.replications().isEmpty() || b.replications().isEmpty()) {
            throw new IllegalArgumentException("cannot pair results whose replications were dropped (JSON or sweep point);"
                    + " pair the engine's own results");
        }
        if (a.replications().size() != b.replications().size()) {
            throw new IllegalArgumentException("cannot pair " + a.replications().size() + " replications with "
                    + b.replications().size());
        }
        return new PairedComparison(a, b);
    }

    /** Total spend over the horizon, USD. */
    public Difference totalCost() {
        return of("totalCost", ReplicationResult::totalCost);
    }

    /** Spend per request, USD. */
    public Difference costPerRequest() {
        return of("costPerRequest", ReplicationResult::costPerRequest);
    }

    /** Mean satisfaction on the hidden truth. */
    public Difference meanSatisfaction() {
        return of("meanSatisfaction", ReplicationResult::meanSatisfaction);
    }

    /** Mean over months of the probability that the month ends below its target (each result's own target). */
    public Difference monthlyBreachProbability() {
        return of("monthlyBreachProbability", ReplicationResult::breachProbability);
    }

    /** Expected share of the scenario's SLA windows at or above target. */
    public Difference windowCompliance() {
        return of("windowCompliance", r -> r.scenarioWindows().share());
    }

    /** Savings vs the best fixed model (share of its spend). */
    public Difference savingsVsBestFixed() {
        return of("savingsVsBestFixed", r -> r.bestFixedCost() == 0 ? Double.NaN : 1 - r.totalCost() / r.bestFixedCost());
    }

    /**
     * Marginal cost of one SLA point: per replication (cost per request of a - of b) / (100 (tau_a - tau_b)), USD per
     * request per percentage point of target. For a target-vs-target pair; negative beyond its interval only if the
     * dearer target is truly cheaper.
     *
     * @throws IllegalArgumentException when the two targets are equal
     */
    public Difference costPerTargetPoint() {
        double points = 100 * (a.scenario().target() - b.scenario().target());
        if (points == 0) {
            throw new IllegalArgumentException("both results have target " + a.scenario().target() + ": no marginal cost");
        }
        return of("costPerTargetPoint", r -> r.costPerRequest() / points);
    }

    /** Any per-replication figure, differenced replication by replication (a - b). */
    public Difference of(String metric, ToDoubleFunction<ReplicationResult> figure) {
        List<ReplicationResult> ra = a.replications();
        List<ReplicationResult> rb = b.replications();
        double[] d = new double[ra.size()];
        Double[] boxed = new Double[d.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = figure.applyAsDouble(ra.get(i)) - figure.applyAsDouble(rb.get(i));
            boxed[i] = d[i];
        }
        Interval iv = Interval.studentT(d);
        int n = (int) java.util.Arrays.stream(d).filter(x -> !Double.isNaN(x)).count();
        double se = n > 1 ? (iv.high() - iv.low()) / 2 / Interval.t95(n - 1) : 0;
        return new Difference(metric, iv.estimate(), se, iv, n, List.of(boxed));
    }
}
