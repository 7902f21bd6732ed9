package dev.switchyard.engine.routing.predict;

import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.LearnedState;
import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * Per (category, model) Bayesian satisfaction estimate: a Beta prior (from the catalog's quality
 * priors or the calibration split's category means, with a pseudo-count) updated by what the router
 * observes. Labels (two-sided, full) update it directly. One-sided reports are inverted: with n
 * answers and R reports, E[R] = n (q (1 - p) + f p), so the estimated failures are
 * {@code (R - f n) / (q - f)} (clipped to [0, n]) and the posterior mean is
 * {@code (a0 + n - failures) / (a0 + b0 + n)}. This is the moment-matched Bayesian version of the
 * spec's {@code p_hat = 1 - (R/n - f)/(q - f)} (docs/decisions/0303-one-sided-estimator.md).
 *
 * <p>Estimates are posterior means, never pessimistic per-model bounds: the spec records that
 * shrinking a bound with each model's serve count locks the router onto the most-served model.
 */
public final class CellBetaPredictor implements Predictor {
    private final int models;
    private final int categories;
    private final boolean learns;
    private final double q;
    private final double f;
    private final double invQf;
    // One run of CELL doubles per (category, model) cell: what an update reads and writes is in one cache line or two
    // and behind one array reference, not spread over seven arrays (the update runs once per observed answer).
    private static final int CELL = 8;
    private static final int PRIOR_A = 0;
    private static final int PRIOR_N = 1;
    private static final int LABELLED = 2;
    private static final int SUCCESSES = 3;
    private static final int ONE_SIDED = 4;
    private static final int REPORTS = 5;
    private static final int EVIDENCE_PER_ANSWER = 6;
    private final double[] cell;
    // per category, the posterior means by model: a router reads its category's row in place (predictView)
    private final double[][] estimate;
    private final List<String> modelIds;
    private final List<String> categoryNames;

    /**
     * @param learns false for a prior-only predictor (never updated)
     */
    public CellBetaPredictor(RoutingContext context, boolean learns) {
        this.models = context.modelCount();
        this.categories = context.categories().size();
        this.learns = learns;
        this.q = context.feedback().assumedRate();
        this.f = context.feedback().kind() == FeedbackKind.ONE_SIDED ? context.feedback().assumedFalseReportRate() : 0.0;
        this.invQf = 1.0 / (q - f);
        int cells = Math.max(1, categories) * models;
        cell = new double[cells * CELL];
        estimate = new double[Math.max(1, categories)][models];
        double strength = context.priors().strength();
        for (int c = 0; c < categories; c++) {
            for (int m = 0; m < models; m++) {
                int at = (c * models + m) * CELL;
                cell[at + PRIOR_A] = strength * context.priors().mean(c, m);
                cell[at + PRIOR_N] = strength;
                estimate[c][m] = context.priors().mean(c, m);
                cell[at + EVIDENCE_PER_ANSWER] = labelsPerAnswer(context.priors().mean(c, m), q, f);
            }
        }
        modelIds = context.models();
        categoryNames = context.categories().values();
    }

    @Override
    public void predict(RequestView request, double[] out) {
        System.arraycopy(estimate[request.category()], 0, out, 0, models);
    }

    @Override
    public double[] predictView(RequestView request, double[] scratch) {
        return estimate[request.category()];
    }

    @Override
    public void learn(FeedbackEvent event) {
        if (!learns) {
            return;
        }
        Signal signal = event.signal();
        int category = event.request().category();
        int model = event.model();
        int at = (category * models + model) * CELL;
        double[] k = cell;
        // counted as tally counts; identity tests, the most common signal under one-sided feedback first (no switch table)
        if (signal == Signal.SILENCE) {
            k[at + ONE_SIDED] += 1;
        } else if (signal == Signal.REPORT) {
            k[at + ONE_SIDED] += 1;
            k[at + REPORTS] += 1;
        } else if (signal == Signal.SATISFIED) {
            k[at + LABELLED] += 1;
            k[at + SUCCESSES] += 1;
        } else if (signal == Signal.DISSATISFIED) {
            k[at + LABELLED] += 1;
        } else if (signal == Signal.UNLABELLED) {
            return;
        } else {
            throw unexpected(signal);
        }
        estimate[category][model] = posteriorMean(at);
    }

    /**
     * Counts one answer's signal into cell {@code i} of the four evidence arrays: a labelled answer into
     * {@code labelled} (and {@code successes} when satisfying), a one-sided one into {@code oneSided} (and
     * {@code reports} when reported). False for an unlabelled answer, which counts nowhere. {@link LengthCellBetaPredictor}
     * counts with it; this class's {@link #learn} counts the same way into its interleaved cells.
     */
    static boolean tally(Signal s, int i, double[] labelled, double[] successes, double[] oneSided, double[] reports) {
        switch (s) {
            case SATISFIED -> {
                labelled[i] += 1;
                successes[i] += 1;
            }
            case DISSATISFIED -> labelled[i] += 1;
            case REPORT -> {
                oneSided[i] += 1;
                reports[i] += 1;
            }
            case SILENCE -> oneSided[i] += 1;
            case UNLABELLED -> {
                return false;
            }
            default -> throw unexpected(s);
        }
        return true;
    }

    // out of line: the message's string concatenation would otherwise bloat learn(), which the simulator inlines
    private static IllegalStateException unexpected(Signal s) {
        return new IllegalStateException("unexpected signal " + s);
    }

    private double posteriorMean(int at) {
        double[] k = cell;
        double n = k[at + ONE_SIDED];
        double failures = 0;
        double weight = 0;
        if (n > 0) {
            failures = (k[at + REPORTS] - f * n) * invQf;
            failures = failures < 0 ? 0 : (failures > n ? n : failures);
            weight = k[at + EVIDENCE_PER_ANSWER];
        }
        // n one-sided answers count as weight * n labels: their failure estimate is 1/weight times as noisy
        return (k[at + PRIOR_A] + k[at + SUCCESSES] + weight * (n - failures))
                / (k[at + PRIOR_N] + k[at + LABELLED] + weight * n);
    }

    /**
     * How many labels one one-sided answer is worth, by the variance of its failure estimate: a label's
     * variance is p(1 - p); the report-based estimate {@code (r - f)/(q - f)} has {@code rho(1 - rho)/(q - f)^2}
     * with {@code rho = q(1 - p) + f p}. 1 at q = 1, f = 0 (a report is then a label); about q p at small q.
     * Evaluated at the cell's prior mean (clipped away from 0 and 1) so that the weight does not chase the
     * evidence it weighs. Without it, at q = 0.05 twenty silent answers moved a cell as much as twenty labels
     * and the router chased whichever cell's silence was luckiest (docs/decisions/0303-one-sided-estimator.md).
     */
    static double labelsPerAnswer(double priorMean, double q, double f) {
        if (q == 1 && f == 0) {
            return 1;
        }
        double p = Math.max(0.02, Math.min(0.98, priorMean));
        double rho = q * (1 - p) + f * p;
        return Math.min(1, p * (1 - p) * (q - f) * (q - f) / (rho * (1 - rho)));
    }

    /** The current estimate of cell (category, model). */
    double estimate(int category, int model) {
        return estimate[category][model];
    }

    /** Answers observed (labelled or one-sided) in cell (category, model). */
    public double observations(int category, int model) {
        int at = (category * models + model) * CELL;
        return cell[at + LABELLED] + cell[at + ONE_SIDED];
    }

    @Override
    public List<LearnedState.CellEstimate> estimates() {
        List<LearnedState.CellEstimate> out = new ArrayList<>(categories * models);
        for (int c = 0; c < categories; c++) {
            for (int m = 0; m < models; m++) {
                int at = (c * models + m) * CELL;
                out.add(new LearnedState.CellEstimate(categoryNames.get(c), modelIds.get(m), estimate[c][m],
                        cell[at + LABELLED] + cell[at + ONE_SIDED], cell[at + REPORTS] + cell[at + LABELLED]));
            }
        }
        return out;
    }

    /** Signals this predictor counts as evidence. */
    static boolean counts(Signal s) {
        return s != Signal.UNLABELLED;
    }

    // Warm start (issue 12): added at the end, the estimator above is unchanged.

    @Override
    public java.util.Map<String, double[]> warmArrays() {
        return java.util.Map.of("labelled", field(LABELLED), "successes", field(SUCCESSES), "oneSided", field(ONE_SIDED),
                "reports", field(REPORTS), "estimate", flatEstimate());
    }

    // one evidence field of every cell, [category * models + model]: the warm state's layout
    private double[] field(int offset) {
        double[] out = new double[cell.length / CELL];
        for (int i = 0; i < out.length; i++) {
            out[i] = cell[i * CELL + offset];
        }
        return out;
    }

    // the estimates as one array [category * models + model], the warm state's layout
    private double[] flatEstimate() {
        double[] flat = new double[estimate.length * models];
        for (int c = 0; c < estimate.length; c++) {
            System.arraycopy(estimate[c], 0, flat, c * models, models);
        }
        return flat;
    }

    @Override
    public void restoreArrays(java.util.Map<String, double[]> arrays) {
        int cells = cell.length / CELL;
        double[] labelled = new double[cells];
        double[] successes = new double[cells];
        double[] oneSided = new double[cells];
        double[] reports = new double[cells];
        copyInto(arrays, "labelled", labelled);
        copyInto(arrays, "successes", successes);
        copyInto(arrays, "oneSided", oneSided);
        copyInto(arrays, "reports", reports);
        double[] flat = new double[estimate.length * models];
        copyInto(arrays, "estimate", flat);
        // every array checked before any is written: a bad state changes nothing
        for (int i = 0; i < cells; i++) {
            cell[i * CELL + LABELLED] = labelled[i];
            cell[i * CELL + SUCCESSES] = successes[i];
            cell[i * CELL + ONE_SIDED] = oneSided[i];
            cell[i * CELL + REPORTS] = reports[i];
        }
        for (int c = 0; c < estimate.length; c++) {
            System.arraycopy(flat, c * models, estimate[c], 0, models);
        }
    }

    private static void copyInto(java.util.Map<String, double[]> arrays, String key, double[] into) {
        double[] v = arrays.get(key);
        if (v == null || v.length != into.length) {
            throw new IllegalArgumentException("category predictor state: array '" + key + "' "
                    + (v == null ? "is missing" : "has " + v.length + " values, expected " + into.length));
        }
        System.arraycopy(v, 0, into, 0, into.length);
    }
}
