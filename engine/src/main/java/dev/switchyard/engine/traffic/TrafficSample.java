package dev.switchyard.engine.traffic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An evaluation matrix: N queries x M models, stored column-wise in primitive arrays so that a
 * 1M x 16 sample stays in a few hundred MB. Immutable once built.
 *
 * <p>Per query: id, category, optional timestamp, tenant, SLA tier and prompt text, input tokens
 * (and cached input tokens). Per query and model: a quality score in [0,1], output tokens, and
 * optionally the recorded cost and latency. Per-model cells are stored query-major
 * ({@code q * models + m}) because a simulation reads one query's row at a time.
 *
 * <p>The scores are the hidden truth of a simulation. Routers never get this object; see
 * {@code dev.switchyard.engine.routing}.
 */
public final class TrafficSample {
    private final String name;
    private final List<String> models;
    private final List<String> sources;
    private final int size;
    private final String[] queryIds;
    private final Dictionary categories;
    private final int[] categoryOf;
    private final long[] timestampMillis;
    private final Dictionary tenants;
    private final int[] tenantOf;
    private final Dictionary slaTiers;
    private final int[] slaTierOf;
    private final TextColumn prompts;
    private final int[] inputTokens;
    private final int[] cachedInputTokens;
    private final float[] scores;
    private final int[] outputTokens;
    private final float[] recordedCost;
    private final float[] recordedLatency;
    private final float[] recordedTtft;

    private TrafficSample(Builder b) {
        this.name = b.name;
        this.models = List.copyOf(b.models);
        this.sources = List.copyOf(b.sources);
        this.size = b.size;
        int m = models.size();
        this.queryIds = Arrays.copyOf(b.queryIds, size);
        this.categories = b.categories.build();
        this.categoryOf = Arrays.copyOf(b.categoryOf, size);
        this.timestampMillis = b.hasTimestamp == Boolean.TRUE ? Arrays.copyOf(b.timestampMillis, size) : null;
        this.tenants = b.tenants.build();
        this.tenantOf = b.hasTenant == Boolean.TRUE ? Arrays.copyOf(b.tenantOf, size) : null;
        this.slaTiers = b.slaTiers.build();
        this.slaTierOf = b.hasTier == Boolean.TRUE ? Arrays.copyOf(b.slaTierOf, size) : null;
        this.prompts = b.hasPrompt == Boolean.TRUE ? b.prompts.build() : null;
        this.inputTokens = Arrays.copyOf(b.inputTokens, size);
        this.cachedInputTokens = b.anyCached ? Arrays.copyOf(b.cachedInputTokens, size) : null;
        this.scores = Arrays.copyOf(b.scores, size * m);
        this.outputTokens = Arrays.copyOf(b.outputTokens, size * m);
        this.recordedCost = b.hasCost == Boolean.TRUE ? Arrays.copyOf(b.recordedCost, size * m) : null;
        this.recordedLatency = b.hasLatency == Boolean.TRUE ? Arrays.copyOf(b.recordedLatency, size * m) : null;
        this.recordedTtft = b.hasTtft == Boolean.TRUE ? Arrays.copyOf(b.recordedTtft, size * m) : null;
    }

    public static Builder builder(String name, List<String> models) {
        return new Builder(name, models);
    }

    public String name() {
        return name;
    }

    /** Model ids, in column order. */
    public List<String> models() {
        return models;
    }

    public int modelCount() {
        return models.size();
    }

    /** Model column of {@code id}, or -1. */
    public int modelIndex(String id) {
        return models.indexOf(id);
    }

    /** File names this sample was imported from. */
    public List<String> sources() {
        return sources;
    }

    public int size() {
        return size;
    }

    public String queryId(int q) {
        return queryIds[q];
    }

    public Dictionary categories() {
        return categories;
    }

    public int category(int q) {
        return categoryOf[q];
    }

    public boolean hasTimestamps() {
        return timestampMillis != null;
    }

    /** Epoch milliseconds; only when {@link #hasTimestamps()}. */
    public long timestampMillis(int q) {
        return timestampMillis[q];
    }

    public boolean hasTenants() {
        return tenantOf != null;
    }

    public Dictionary tenants() {
        return tenants;
    }

    /** Tenant index, or -1 when the sample has no tenants. */
    public int tenant(int q) {
        return tenantOf == null ? -1 : tenantOf[q];
    }

    public boolean hasSlaTiers() {
        return slaTierOf != null;
    }

    public Dictionary slaTiers() {
        return slaTiers;
    }

    /** SLA tier index, or -1 when the sample has no tiers. */
    public int slaTier(int q) {
        return slaTierOf == null ? -1 : slaTierOf[q];
    }

    public boolean hasPrompts() {
        return prompts != null;
    }

    /** Prompt text; only when {@link #hasPrompts()}. */
    public String prompt(int q) {
        return prompts.get(q);
    }

    public int inputTokens(int q) {
        return inputTokens[q];
    }

    public int cachedInputTokens(int q) {
        return cachedInputTokens == null ? 0 : cachedInputTokens[q];
    }

    /** Hidden truth: the quality of model {@code m} on query {@code q}, in [0,1]. */
    public float score(int q, int m) {
        return scores[q * models.size() + m];
    }

    public int outputTokens(int q, int m) {
        return outputTokens[q * models.size() + m];
    }

    public boolean hasRecordedCosts() {
        return recordedCost != null;
    }

    /** USD the file recorded for this query and model; only when {@link #hasRecordedCosts()}. */
    public float recordedCost(int q, int m) {
        return recordedCost[q * models.size() + m];
    }

    public boolean hasRecordedLatencies() {
        return recordedLatency != null;
    }

    public float recordedLatencyMs(int q, int m) {
        return recordedLatency[q * models.size() + m];
    }

    /** True when the traffic records time to first token per query and model ({@code ttft_ms} columns). */
    public boolean hasRecordedTtft() {
        return recordedTtft != null;
    }

    /** The recorded time to first token; only when {@link #hasRecordedTtft()}. */
    public float recordedTtftMs(int q, int m) {
        return recordedTtft[q * models.size() + m];
    }

    /** The whole row of query {@code q}, e.g. for writing or merging. */
    public QueryRecord record(int q) {
        int m = models.size();
        int from = q * m;
        return new QueryRecord(queryIds[q], categories.get(categoryOf[q]),
                timestampMillis == null ? null : timestampMillis[q],
                tenantOf == null ? null : tenants.get(tenantOf[q]),
                slaTierOf == null ? null : slaTiers.get(slaTierOf[q]),
                prompts == null ? null : prompts.get(q),
                inputTokens[q], cachedInputTokens(q),
                Arrays.copyOfRange(scores, from, from + m),
                Arrays.copyOfRange(outputTokens, from, from + m),
                recordedCost == null ? null : Arrays.copyOfRange(recordedCost, from, from + m),
                recordedLatency == null ? null : Arrays.copyOfRange(recordedLatency, from, from + m),
                recordedTtft == null ? null : Arrays.copyOfRange(recordedTtft, from, from + m));
    }

    /** Approximate heap held by this sample, in bytes. */
    public long approximateBytes() {
        long perQuery = 4L + 4 + 4 + (timestampMillis == null ? 0 : 8) + (tenantOf == null ? 0 : 4)
                + (slaTierOf == null ? 0 : 4) + (cachedInputTokens == null ? 0 : 4);
        long perCell = 4L + 4 + (recordedCost == null ? 0 : 4) + (recordedLatency == null ? 0 : 4)
                + (recordedTtft == null ? 0 : 4);
        long ids = 0;
        for (String id : queryIds) {
            ids += 40 + id.length();
        }
        return size * perQuery + (long) size * models.size() * perCell + ids
                + (prompts == null ? 0 : prompts.byteSize());
    }

    /**
     * The same queries restricted to {@code keep} (model ids, in the order given). Used to drop a
     * model with missing cells or to restrict a scenario's model pool.
     */
    public TrafficSample withModels(List<String> keep) {
        int[] cols = new int[keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            cols[i] = modelIndex(keep.get(i));
            if (cols[i] < 0) {
                throw new IllegalArgumentException("sample '" + name + "' has no model '" + keep.get(i) + "'");
            }
        }
        Builder b = builder(name, keep).sources(sources);
        for (int q = 0; q < size; q++) {
            QueryRecord r = record(q);
            b.add(new QueryRecord(r.id(), r.category(), r.timestampMillis(), r.tenant(), r.slaTier(), r.prompt(),
                    r.inputTokens(), r.cachedInputTokens(), pick(r.scores(), cols), pick(r.outputTokens(), cols),
                    r.recordedCostUsd() == null ? null : pick(r.recordedCostUsd(), cols),
                    r.recordedLatencyMs() == null ? null : pick(r.recordedLatencyMs(), cols),
                    r.recordedTtftMs() == null ? null : pick(r.recordedTtftMs(), cols)));
        }
        return b.build();
    }

    /** The queries at {@code rows}, in that order (e.g. a calibration split). */
    public TrafficSample subset(String subsetName, int[] rows) {
        Builder b = builder(subsetName, models).sources(sources);
        for (int q : rows) {
            b.add(record(q));
        }
        return b.build();
    }

    /**
     * Several samples (e.g. one file per benchmark) as one. All must have the same models; query
     * ids must be unique across them.
     */
    public static TrafficSample merge(String name, List<TrafficSample> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        List<String> models = parts.get(0).models();
        List<String> sources = new ArrayList<>();
        for (TrafficSample p : parts) {
            if (!new HashSet<>(p.models()).equals(new HashSet<>(models))) {
                throw new IllegalArgumentException("cannot merge '" + p.name() + "' (models " + p.models()
                        + ") with '" + parts.get(0).name() + "' (models " + models + "): the model columns differ");
            }
            sources.addAll(p.sources());
        }
        Builder b = builder(name, models).sources(sources);
        for (TrafficSample p : parts) {
            TrafficSample aligned = p.models().equals(models) ? p : p.withModels(models);
            for (int q = 0; q < aligned.size(); q++) {
                b.add(aligned.record(q));
            }
        }
        return b.build();
    }

    private static float[] pick(float[] values, int[] cols) {
        float[] out = new float[cols.length];
        for (int i = 0; i < cols.length; i++) {
            out[i] = values[cols[i]];
        }
        return out;
    }

    private static int[] pick(int[] values, int[] cols) {
        int[] out = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            out[i] = values[cols[i]];
        }
        return out;
    }

    /**
     * Accumulates queries. Optional columns are decided by the first query: if it has a timestamp,
     * every query must, and so on, so a sample never has half a column.
     */
    public static final class Builder {
        private final String name;
        private final List<String> models;
        private final List<String> sources = new ArrayList<>();
        private final Set<String> seenIds = new HashSet<>();
        private int size;
        private int capacity = 1024;
        private String[] queryIds = new String[capacity];
        private final Dictionary.Builder categories = new Dictionary.Builder();
        private int[] categoryOf = new int[capacity];
        private Boolean hasTimestamp;
        private long[] timestampMillis = new long[capacity];
        private final Dictionary.Builder tenants = new Dictionary.Builder();
        private Boolean hasTenant;
        private int[] tenantOf = new int[capacity];
        private final Dictionary.Builder slaTiers = new Dictionary.Builder();
        private Boolean hasTier;
        private int[] slaTierOf = new int[capacity];
        private Boolean hasPrompt;
        private final TextColumn.Builder prompts = new TextColumn.Builder();
        private int[] inputTokens = new int[capacity];
        private boolean anyCached;
        private int[] cachedInputTokens = new int[capacity];
        private float[] scores;
        private int[] outputTokens;
        private Boolean hasCost;
        private float[] recordedCost;
        private Boolean hasLatency;
        private float[] recordedLatency;
        private Boolean hasTtft;
        private float[] recordedTtft;

        private Builder(String name, List<String> models) {
            this.name = name == null || name.isBlank() ? "sample" : name.strip();
            if (models == null || models.isEmpty()) {
                throw new IllegalArgumentException("a traffic sample needs at least one model");
            }
            Set<String> unique = new HashSet<>();
            for (String m : models) {
                if (m == null || m.isBlank()) {
                    throw new IllegalArgumentException("a model column has a blank name");
                }
                if (!unique.add(m)) {
                    throw new IllegalArgumentException("model '" + m + "' appears twice");
                }
            }
            this.models = List.copyOf(models);
            int cells = capacity * models.size();
            scores = new float[cells];
            outputTokens = new int[cells];
            recordedCost = new float[cells];
            recordedLatency = new float[cells];
            recordedTtft = new float[cells];
        }

        public Builder sources(List<String> files) {
            sources.addAll(files);
            return this;
        }

        public Builder source(String file) {
            sources.add(file);
            return this;
        }

        public int size() {
            return size;
        }

        public List<String> models() {
            return models;
        }

        /**
         * Adds a query. Throws {@link IllegalArgumentException} with an actionable message when
         * the query does not fit the sample (duplicate id, wrong model count, half an optional
         * column); importers add the file location.
         */
        public Builder add(QueryRecord r) {
            Objects.requireNonNull(r, "query");
            int m = models.size();
            if (r.scores().length != m) {
                throw new IllegalArgumentException("query '" + r.id() + "' has " + r.scores().length
                        + " model outcomes; the sample has " + m + " models");
            }
            hasTimestamp = consistent(hasTimestamp, r.timestampMillis() != null, "a timestamp", r.id());
            hasTenant = consistent(hasTenant, r.tenant() != null, "a tenant", r.id());
            hasTier = consistent(hasTier, r.slaTier() != null, "an SLA tier", r.id());
            hasPrompt = consistent(hasPrompt, r.prompt() != null, "a prompt", r.id());
            hasCost = consistent(hasCost, r.recordedCostUsd() != null, "recorded costs", r.id());
            hasLatency = consistent(hasLatency, r.recordedLatencyMs() != null, "recorded latencies", r.id());
            hasTtft = consistent(hasTtft, r.recordedTtftMs() != null, "recorded times to first token", r.id());
            if (!seenIds.add(r.id())) {
                throw new IllegalArgumentException("query id '" + r.id() + "' appears more than once");
            }
            ensureCapacity();
            queryIds[size] = r.id();
            categoryOf[size] = categories.intern(r.category());
            if (hasTimestamp) {
                timestampMillis[size] = r.timestampMillis();
            }
            if (hasTenant) {
                tenantOf[size] = tenants.intern(r.tenant());
            }
            if (hasTier) {
                slaTierOf[size] = slaTiers.intern(r.slaTier());
            }
            if (hasPrompt) {
                prompts.add(r.prompt());
            }
            inputTokens[size] = r.inputTokens();
            cachedInputTokens[size] = r.cachedInputTokens();
            anyCached |= r.cachedInputTokens() > 0;
            int base = size * m;
            System.arraycopy(r.scores(), 0, scores, base, m);
            System.arraycopy(r.outputTokens(), 0, outputTokens, base, m);
            if (hasCost) {
                System.arraycopy(r.recordedCostUsd(), 0, recordedCost, base, m);
            }
            if (hasLatency) {
                System.arraycopy(r.recordedLatencyMs(), 0, recordedLatency, base, m);
            }
            if (hasTtft) {
                System.arraycopy(r.recordedTtftMs(), 0, recordedTtft, base, m);
            }
            size++;
            return this;
        }

        public TrafficSample build() {
            if (size == 0) {
                throw new IllegalArgumentException("sample '" + name + "' has no queries");
            }
            return new TrafficSample(this);
        }

        private static Boolean consistent(Boolean decided, boolean present, String what, String id) {
            if (decided == null) {
                return present;
            }
            if (decided != present) {
                throw new IllegalArgumentException("query '" + id + "' " + (present ? "has " : "lacks ") + what
                        + " but earlier queries " + (decided ? "have one" : "do not") + "; a column must be filled for every query or none");
            }
            return decided;
        }

        private void ensureCapacity() {
            if (size < capacity) {
                return;
            }
            int n = capacity * 2;
            int m = models.size();
            queryIds = Arrays.copyOf(queryIds, n);
            categoryOf = Arrays.copyOf(categoryOf, n);
            timestampMillis = Arrays.copyOf(timestampMillis, n);
            tenantOf = Arrays.copyOf(tenantOf, n);
            slaTierOf = Arrays.copyOf(slaTierOf, n);
            inputTokens = Arrays.copyOf(inputTokens, n);
            cachedInputTokens = Arrays.copyOf(cachedInputTokens, n);
            scores = Arrays.copyOf(scores, n * m);
            outputTokens = Arrays.copyOf(outputTokens, n * m);
            recordedCost = Arrays.copyOf(recordedCost, hasCost == Boolean.TRUE ? n * m : 0);
            recordedLatency = Arrays.copyOf(recordedLatency, hasLatency == Boolean.TRUE ? n * m : 0);
            recordedTtft = Arrays.copyOf(recordedTtft, hasTtft == Boolean.TRUE ? n * m : 0);
            capacity = n;
        }
    }
}
