package dev.switchyard.engine.sim;

import dev.switchyard.engine.routing.StandardNormal;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.routing.LatencyPriors;
import dev.switchyard.engine.traffic.TrafficSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-model latency distributions of a prepared scenario, and the paired draw of one served request's latency
 * (decision 1400). Time to first token is log-normal with the catalog's median and 95th percentile for a short
 * prompt, plus the catalog's prefill time per input token; output streams at a log-normal speed around the
 * catalog's tokens per second. Total latency = TTFT + output tokens / speed, unless the traffic records the total
 * for that query and model: then the recorded total is used (and TTFT is capped at it). A recorded time to first
 * token ({@code ttft_ms}) is used as it is.
 *
 * <p>Draws are cheap: the standard normal quantiles are a fixed table of {@value #TABLE} entries, pre-multiplied
 * per model, indexed by bits of the run's counter-based hash of (seed, replication, request, model), so the same
 * request served by the same model has the same latency whichever router served it (paired across routers).
 */
public final class LatencyModel {
    /** Entries of the TTFT quantile table (10 bits of the hash; tails cut at z = +-3.3, beyond p99.9). */
    static final int TABLE = 1024;
    private static final int MASK = TABLE - 1;
    /** Entries of the output-speed quantile table (8 further bits: speed's spread is narrow). */
    static final int SPEED_TABLE = 256;
    private static final int SPEED_MASK = SPEED_TABLE - 1;
    /** z of the 95th percentile of the standard normal. */
    static final double Z95 = 1.6448536269514722;
    /** Log-normal sigma of a model's output speed when the catalog states no spread. */
    public static final double DEFAULT_SPEED_SIGMA = 0.15;
    /** Used for models the catalog has no latency profile for (said in {@link #notes()}). */
    static final LatencyProfile FALLBACK = new LatencyProfile(800, 2500, 60);

    private final int m;
    private final float[] ttftTable; // [model * TABLE + i]: median * exp(sigma * z_i)
    private final float[] msPerTokenTable; // [model * TABLE + i]: 1000 / (speed * exp(sigmaSpeed * z_i))
    private final double[] prefillMsPerInputToken;
    private final int[] inputTokens; // per evaluation row
    // per row, perRow floats: the output tokens of each model (exact in a float below 2^24); then, only when the traffic
    // records them, each model's recorded total latency and each model's recorded time to first token (-1 where none).
    // A row holds only what the traffic has, so the simulator's gather copies (and misses) no line of absent cells
    // (decision 1060).
    private final float[] cellLatency;
    private final int perRow;
    private final int totalAt; // offset of the recorded totals in a row, -1 when the traffic records none
    private final int ttftAt; // offset of the recorded TTFTs in a row, -1 when the traffic records none
    private final LatencyPriors priors;
    private final List<String> notes;

    /**
     * @param sampleRow the sample row of each evaluation row (PreparedScenario's order)
     * @param models the pool, in pool order
     */
    LatencyModel(TrafficSample sample, Catalog catalog, List<String> models, int[] sampleRow) {
        this.m = models.size();
        double[] z = standardNormalTable(TABLE);
        ttftTable = new float[m * TABLE];
        msPerTokenTable = new float[m * SPEED_TABLE];
        prefillMsPerInputToken = new double[m];
        double[] p50 = new double[m];
        double[] p95 = new double[m];
        double[] prefill = new double[m];
        double[] tps = new double[m];
        List<String> assumed = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            Optional<LatencyProfile> prof = catalog.resolve(models.get(j)).map(ModelInfo::latency);
            LatencyProfile lp = prof.orElse(null);
            if (lp == null || lp.ttftP50Ms() <= 0 || lp.outputTokensPerSecond() <= 0) {
                assumed.add(models.get(j));
                p50[j] = Double.NaN;
                p95[j] = Double.NaN;
                prefill[j] = Double.NaN;
                tps[j] = Double.NaN;
                lp = FALLBACK;
            } else {
                p50[j] = lp.ttftP50Ms();
                p95[j] = lp.ttftP95Ms();
                prefill[j] = lp.prefillMsPerThousandInputTokens();
                tps[j] = lp.outputTokensPerSecond();
            }
            double sigma = Math.log(Math.max(lp.ttftP95Ms(), lp.ttftP50Ms()) / lp.ttftP50Ms()) / Z95;
            double sigmaSpeed = lp.outputSpeedSigma();
            prefillMsPerInputToken[j] = lp.prefillMsPerThousandInputTokens() / 1000.0;
            for (int i = 0; i < TABLE; i++) {
                ttftTable[j * TABLE + i] = (float) (lp.ttftP50Ms() * Math.exp(sigma * z[i]));
            }
            double[] zs = standardNormalTable(SPEED_TABLE);
            for (int i = 0; i < SPEED_TABLE; i++) {
                msPerTokenTable[j * SPEED_TABLE + i] = (float) (1000.0 / (lp.outputTokensPerSecond() * Math.exp(sigmaSpeed * zs[i])));
            }
        }
        int rows = sampleRow.length;
        inputTokens = new int[rows];
        boolean recorded = sample.hasRecordedLatencies();
        boolean recordedTtft = sample.hasRecordedTtft();
        totalAt = recorded ? m : -1;
        ttftAt = recordedTtft ? (recorded ? 2 * m : m) : -1;
        perRow = m * (1 + (recorded ? 1 : 0) + (recordedTtft ? 1 : 0));
        cellLatency = new float[rows * perRow];
        for (int r = 0; r < rows; r++) {
            int q = sampleRow[r];
            inputTokens[r] = sample.inputTokens(q);
            int at = r * perRow;
            for (int j = 0; j < m; j++) {
                int col = sample.modelIndex(models.get(j));
                cellLatency[at + j] = sample.outputTokens(q, col);
                if (recorded) {
                    float rec = sample.recordedLatencyMs(q, col);
                    cellLatency[at + totalAt + j] = rec >= 0 ? rec : -1f;
                }
                if (recordedTtft) {
                    float t = sample.recordedTtftMs(q, col);
                    cellLatency[at + ttftAt + j] = t >= 0 ? t : -1f;
                }
            }
        }
        priors = new LatencyPriors(p50, p95, prefill, tps);
        List<String> n = new ArrayList<>();
        if (recorded && recordedTtft) {
            n.add("latency: the traffic's recorded ttft_ms and latency_ms per query and model");
        } else if (recorded) {
            n.add("total latency: the traffic's recorded latency_ms per query and model; time to first token drawn from the"
                    + " catalog's profile (capped at the recorded total)");
        } else if (recordedTtft) {
            n.add("time to first token: the traffic's recorded ttft_ms per query and model; the rest of the answer drawn"
                    + " from the catalog's output speed");
        }
        if (!assumed.isEmpty()) {
            n.add("no catalog latency profile for " + String.join(", ", assumed) + ": assumed TTFT p50 "
                    + (int) FALLBACK.ttftP50Ms() + " ms, p95 " + (int) FALLBACK.ttftP95Ms() + " ms, "
                    + (int) FALLBACK.outputTokensPerSecond() + " output tokens/s (routers are told nothing about them)");
        }
        notes = List.copyOf(n);
    }

    /** The priors a router is told: the catalog's statement (NaN where it has none), never the draws. */
    public LatencyPriors priors() {
        return priors;
    }

    /** Where the latencies come from and what was assumed (for the result's warnings). */
    public List<String> notes() {
        return notes;
    }

    /**
     * Floats per row that {@link #gather} copies: the row's output tokens per model, then its recorded totals and its
     * recorded TTFTs when the traffic has them. {@link PreparedScenario} packs them into each row's cells, so the
     * simulator copies them with the row's other cells, before it knows which model serves (decisions 1060, 1140).
     */
    int cellsPerRow() {
        return perRow;
    }

    /** Copies what the draws of evaluation row {@code row} read into {@code into} from {@code at} on. */
    void gather(int row, float[] into, int at) {
        System.arraycopy(cellLatency, row * perRow, into, at, perRow);
    }

    /** The row's input tokens (the prefill term's). */
    int inputTokens(int row) {
        return inputTokens[row];
    }

    /** {@link #ttftMs(long, int, int)} on the row's cells gathered at {@code cells[at...]}: the same value. */
    double ttftMs(long bits, int rowInputTokens, int model, float[] cells, int at) {
        if (ttftAt >= 0 && cells[at + ttftAt + model] >= 0) {
            return cells[at + ttftAt + model];
        }
        double t = ttftTable[model * TABLE + (int) (bits & MASK)] + prefillMsPerInputToken[model] * rowInputTokens;
        if (totalAt < 0) {
            return t;
        }
        double rec = cells[at + totalAt + model];
        return rec >= 0 && t > rec ? rec : t;
    }

    /** {@link #totalMs(long, int, int, double)} on the row's gathered cells: the same value. */
    double totalMs(long bits, int model, double ttftMs, float[] cells, int at) {
        if (totalAt >= 0 && cells[at + totalAt + model] >= 0) {
            return cells[at + totalAt + model];
        }
        return ttftMs + cells[at + model] * (double) msPerTokenTable[model * SPEED_TABLE + (int) ((bits >>> 10) & SPEED_MASK)];
    }

    /** Time to first token of evaluation row {@code row} served by {@code model}, from the hash {@code bits}. */
    double ttftMs(long bits, int row, int model) {
        return ttftMs(bits, inputTokens[row], model, cellLatency, row * perRow);
    }

    /** Total latency of that answer given its TTFT (same {@code bits}). */
    double totalMs(long bits, int row, int model, double ttftMs) {
        return totalMs(bits, model, ttftMs, cellLatency, row * perRow);
    }

    /**
     * P(latency > {@code targetMs}) of each evaluation row's answer from each model, {@code [row * m + model]}, exactly
     * under the draws {@link #ttftMs} and {@link #totalMs} make (uniform over the quantile tables' entries): the hidden
     * truth a hindsight bound holds (decision 1402), never told to a router. Single served calls (no cascade wait).
     */
    double[] exceedances(double targetMs, boolean total) {
        int rows = inputTokens.length;
        double[] out = new double[rows * m];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                double rec = totalAt >= 0 ? cellLatency[r * perRow + totalAt + j] : -1;
                double pre = prefillMsPerInputToken[j] * inputTokens[r];
                int base = j * TABLE;
                if (!total) {
                    if (rec >= 0 && !(rec > targetMs)) {
                        continue; // capped at a recorded total that is within L
                    }
                    // the table is ascending: the first entry over L, by bisection
                    int lo = 0;
                    int hi = TABLE;
                    while (lo < hi) {
                        int mid = (lo + hi) >>> 1;
                        if (ttftTable[base + mid] + pre > targetMs) {
                            hi = mid;
                        } else {
                            lo = mid + 1;
                        }
                    }
                    out[r * m + j] = (TABLE - lo) / (double) TABLE;
                } else if (rec >= 0) {
                    out[r * m + j] = rec > targetMs ? 1 : 0;
                } else {
                    // ttft ascending in i, ms per token descending in k: the pairs over L, by a moving pointer
                    double outTokens = cellLatency[r * perRow + j];
                    int sb = j * SPEED_TABLE;
                    long over = 0;
                    int k = 0; // speed entries 0..k-1 (the slowest) put (i, k) over L
                    for (int i = 0; i < TABLE; i++) {
                        double ttft = ttftTable[base + i] + pre;
                        while (k < SPEED_TABLE && ttft + outTokens * (double) msPerTokenTable[sb + k] > targetMs) {
                            k++;
                        }
                        over += k;
                    }
                    out[r * m + j] = over / ((double) TABLE * SPEED_TABLE);
                }
            }
        }
        return out;
    }

    /** Standard normal quantiles at the midpoints (i + 0.5) / n. */
    static double[] standardNormalTable(int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = StandardNormal.refinedQuantile((i + 0.5) / n);
        }
        return z;
    }
}
