package dev.switchyard.engine.traffic.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file's rows as read, before the missing-cell policy, token estimates and merging are
 * applied. Column-wise like the sample itself. A missing score or cost is NaN; output tokens use
 * {@link #MISSING} for a blank cell and {@link #ESTIMATE} when the format has no count to give.
 */
final class ParsedTable {
    static final int MISSING = -1;
    static final int ESTIMATE = -2;

    final String file;
    final TrafficFormat format;
    final List<String> models;
    /** Per model, the column names shown when a cell is missing. */
    final String[] scoreColumn;
    final String[] outputColumn;
    final String[] costColumn;
    final String[] latencyColumn;
    final String idColumn;
    final boolean hasTimestamp;
    final boolean hasTenant;
    final boolean hasTier;
    final boolean hasPrompt;
    final boolean hasCost;
    final boolean hasLatency;
    final List<SkippedRow> skipped = new ArrayList<>();
    long rowsRead;
    /** Some id stands on rows with different prompts (different queries); names are made unique on assembly. */
    boolean idCollisions;

    int size;
    private int capacity = 256;
    String[] ids = new String[capacity];
    String[] categories = new String[capacity];
    long[] lines = new long[capacity];
    long[] timestamps;
    String[] tenants;
    String[] tiers;
    String[] prompts;
    int[] inputTokens = new int[capacity];
    int[] cachedInputTokens = new int[capacity];
    float[] scores;
    int[] outputTokens;
    float[] costs;
    float[] latencies;
    /** Recorded time to first token ({@code ttft_ms} columns), null when the file has none; see {@link #withTtft}. */
    String[] ttftColumn;
    float[] ttfts;

    private final Map<String, String> interned = new HashMap<>();
    private String lastInterned;

    ParsedTable(String file, TrafficFormat format, List<String> models, String idColumn, String[] scoreColumn,
            String[] outputColumn, String[] costColumn, String[] latencyColumn, boolean hasTimestamp, boolean hasTenant,
            boolean hasTier, boolean hasPrompt) {
        this.file = file;
        this.format = format;
        this.models = List.copyOf(models);
        this.idColumn = idColumn;
        this.scoreColumn = scoreColumn;
        this.outputColumn = outputColumn;
        this.costColumn = costColumn;
        this.latencyColumn = latencyColumn;
        this.hasTimestamp = hasTimestamp;
        this.hasTenant = hasTenant;
        this.hasTier = hasTier;
        this.hasPrompt = hasPrompt;
        this.hasCost = costColumn != null;
        this.hasLatency = latencyColumn != null;
        int m = models.size();
        timestamps = hasTimestamp ? new long[capacity] : null;
        tenants = hasTenant ? new String[capacity] : null;
        tiers = hasTier ? new String[capacity] : null;
        prompts = hasPrompt ? new String[capacity] : null;
        scores = new float[capacity * m];
        outputTokens = new int[capacity * m];
        costs = hasCost ? new float[capacity * m] : null;
        latencies = hasLatency ? new float[capacity * m] : null;
    }

    /** The file records time to first token; {@code columns} name each model's column for messages. */
    void withTtft(String[] columns) {
        this.ttftColumn = columns;
        this.ttfts = new float[capacity * models.size()];
    }

    boolean hasTtft() {
        return ttfts != null;
    }

    int modelCount() {
        return models.size();
    }

    /** Starts a row; the caller fills its cells at {@code row * modelCount() + m}. */
    int addRow(String id, String category, long line) {
        if (size == capacity) {
            grow();
        }
        int r = size++;
        ids[r] = id;
        categories[r] = intern(category);
        lines[r] = line;
        int m = models.size();
        Arrays.fill(scores, r * m, r * m + m, Float.NaN);
        Arrays.fill(outputTokens, r * m, r * m + m, MISSING);
        if (costs != null) {
            Arrays.fill(costs, r * m, r * m + m, Float.NaN);
        }
        if (latencies != null) {
            Arrays.fill(latencies, r * m, r * m + m, Float.NaN);
        }
        if (ttfts != null) {
            Arrays.fill(ttfts, r * m, r * m + m, Float.NaN);
        }
        return r;
    }

    String intern(String s) {
        if (s == null || s == lastInterned) {
            return s;
        }
        String known = interned.putIfAbsent(s, s);
        lastInterned = known == null ? s : known;
        return lastInterned;
    }

    /** Which models have a missing cell in row {@code r}, described for the report; null if none. */

    private void grow() {
        int n = capacity * 2;
        int m = models.size();
        ids = Arrays.copyOf(ids, n);
        categories = Arrays.copyOf(categories, n);
        lines = Arrays.copyOf(lines, n);
        inputTokens = Arrays.copyOf(inputTokens, n);
        cachedInputTokens = Arrays.copyOf(cachedInputTokens, n);
        if (timestamps != null) {
            timestamps = Arrays.copyOf(timestamps, n);
        }
        if (tenants != null) {
            tenants = Arrays.copyOf(tenants, n);
        }
        if (tiers != null) {
            tiers = Arrays.copyOf(tiers, n);
        }
        if (prompts != null) {
            prompts = Arrays.copyOf(prompts, n);
        }
        scores = Arrays.copyOf(scores, n * m);
        outputTokens = Arrays.copyOf(outputTokens, n * m);
        if (costs != null) {
            costs = Arrays.copyOf(costs, n * m);
        }
        if (latencies != null) {
            latencies = Arrays.copyOf(latencies, n * m);
        }
        if (ttfts != null) {
            ttfts = Arrays.copyOf(ttfts, n * m);
        }
        capacity = n;
    }
}
