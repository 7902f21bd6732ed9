package dev.switchyard.engine.sample;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.PriceTier;
import dev.switchyard.engine.sample.ModelProfile.ListPrice;
import dev.switchyard.engine.traffic.QueryRecord;
import dev.switchyard.engine.traffic.TrafficSample;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the bundled sample data: catalog, two dated price sheets and the traffic samples.
 * Everything follows from {@link Parameters} (seed included) and the tables in
 * {@link SampleProfiles}; the same parameters give the same bytes on any machine.
 *
 * <p>Outcomes are item-response style: one latent difficulty per query shared by all models, an
 * ability per (model, category) solved from the target accuracy, and a per-(model, subtopic)
 * speciality, so models' outcomes are correlated as in real benchmark data while a text-aware
 * router still has something to learn. See sample-data/README.md for every assumption.
 */
public final class SampleDataGenerator {
    /** Bumped whenever the same parameters would produce different bytes. */
    public static final String GENERATOR_VERSION = "1.2";
    public static final long DEFAULT_SEED = 20260504L;
    public static final String LIST_SHEET = "list-2026-06";
    public static final String ENTERPRISE_SHEET = "enterprise-2026-10";

    /** Standard deviation of a model's speciality per subtopic, in ability units. */
    static final double SPECIALITY_SD = 0.6;

    private static final long STREAM_SPECIALITY = 1;
    private static final long STREAM_BENCHMARK_PRIORS = 7;

    /**
     * The catalog's quality priors are a "public benchmark" view of each model, not the data's truth (a
     * prior that starts at the truth is a leak): per model a bias, public benchmarks overstating production
     * quality by {@code BENCHMARK_BIAS_MEAN} on average (contamination, easier items) give or take
     * {@code BENCHMARK_BIAS_SD}, plus per (model, category) noise of {@code BENCHMARK_NOISE_SD}.
     */
    static final double BENCHMARK_BIAS_MEAN = 0.04;
    static final double BENCHMARK_BIAS_SD = 0.03;
    static final double BENCHMARK_NOISE_SD = 0.05;
    private static final long STREAM_PRODUCT = 100;

    /**
     * Everything a generation run depends on.
     *
     * @param generatedOn the date written into the manifest and provenance (never "now")
     * @param trafficStart first UTC day of the traffic; the window is {@code days} days long
     * @param queryScale multiplies every product's query count (1.0 for the bundle; tests use less)
     */
    public record Parameters(long seed, LocalDate generatedOn, LocalDate trafficStart, int days, double queryScale) {
        public Parameters {
            if (generatedOn == null || trafficStart == null) {
                throw new IllegalArgumentException("generatedOn and trafficStart dates are required");
            }
            if (days < 7) {
                throw new IllegalArgumentException("days must be at least 7 so the weekly rhythm shows, got " + days);
            }
            if (!(queryScale > 0 && queryScale <= 10)) {
                throw new IllegalArgumentException("queryScale must be in (0, 10], got " + queryScale);
            }
        }

        /** The parameters of the committed bundle. */
        public static Parameters defaults() {
            return new Parameters(DEFAULT_SEED, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 5, 4), 42, 1.0);
        }

        public Parameters withSeed(long newSeed) {
            return new Parameters(newSeed, generatedOn, trafficStart, days, queryScale);
        }

        public Parameters withQueryScale(double scale) {
            return new Parameters(seed, generatedOn, trafficStart, days, scale);
        }

        /** As a sorted map, for the manifest. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new TreeMap<>();
            m.put("seed", seed);
            m.put("generatedOn", generatedOn.toString());
            m.put("trafficStart", trafficStart.toString());
            m.put("days", days);
            m.put("queryScale", queryScale);
            m.put("specialitySd", SPECIALITY_SD);
            return m;
        }
    }

    /** The generated bundle, in memory. */
    /**
     * The generated bundle, in memory.
     *
     * @param expectedCeiling per traffic sample: the mean over queries of the best model's success
     *     probability, i.e. what a router that knew every query's true difficulty and subtopic could
     *     expect at best. It sits between the best fixed model and the per-query oracle (which also
     *     profits from luck no router can foresee); SLA targets above it are out of reach.
     */
    public record GeneratedSample(Parameters parameters, Catalog catalog, List<PriceSheet> priceSheets,
                                  List<NamedTraffic> traffic, Map<String, Double> expectedCeiling) {
        public GeneratedSample {
            priceSheets = List.copyOf(priceSheets);
            traffic = List.copyOf(traffic);
            expectedCeiling = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expectedCeiling));
        }
    }

    private SampleDataGenerator() {
    }

    public static GeneratedSample generate(Parameters p) {
        List<ModelProfile> models = SampleProfiles.MODELS;
        List<CategoryProfile> categories = SampleProfiles.CATEGORIES;
        double[][][] speciality = specialities(p.seed(), models, categories);
        double[][] ability = new double[models.size()][categories.size()];
        for (int m = 0; m < models.size(); m++) {
            for (int c = 0; c < categories.size(); c++) {
                CategoryProfile cat = categories.get(c);
                // Unanswerable queries pull the mean down; answerable ones make up the rest of the target.
                double f = cat.unanswerableShare();
                double answerable = (models.get(m).targetAccuracy(c) - f * cat.unanswerableProbability()) / (1 - f);
                ability[m][c] = AbilityCalibration.solveAbility(answerable, cat.guess(), cat.discrimination(),
                        speciality[m][c]);
            }
        }
        List<NamedTraffic> traffic = new ArrayList<>();
        Map<String, Double> ceilings = new LinkedHashMap<>();
        for (int i = 0; i < SampleProfiles.PRODUCTS.size(); i++) {
            ProductProfile product = SampleProfiles.PRODUCTS.get(i);
            double[] ceiling = new double[1];
            TrafficSample sample = generateProduct(p, i, product, models, categories, ability, speciality, ceiling);
            traffic.add(new NamedTraffic(product.name(), product.description(), "traffic/" + product.name() + ".csv", sample));
            ceilings.put(product.name(), ceiling[0]);
        }
        return new GeneratedSample(p, catalog(p), List.of(listSheet(), enterpriseSheet()), traffic, ceilings);
    }

    /** Per (model, category, subtopic) speciality, centred per (model, category). */
    private static double[][][] specialities(long seed, List<ModelProfile> models, List<CategoryProfile> categories) {
        Draws draws = Draws.stream(seed, STREAM_SPECIALITY);
        double[][][] s = new double[models.size()][categories.size()][];
        for (int m = 0; m < models.size(); m++) {
            for (int c = 0; c < categories.size(); c++) {
                int k = categories.get(c).subtopics().size();
                double[] v = new double[k];
                double mean = 0;
                for (int j = 0; j < k; j++) {
                    v[j] = SPECIALITY_SD * draws.normal();
                    mean += v[j] / k;
                }
                for (int j = 0; j < k; j++) {
                    v[j] -= mean;
                }
                s[m][c] = v;
            }
        }
        return s;
    }

    private static TrafficSample generateProduct(Parameters p, int productIndex, ProductProfile product,
                                                 List<ModelProfile> models, List<CategoryProfile> categories,
                                                 double[][] ability, double[][][] speciality, double[] ceilingOut) {
        int n = Math.max(1, (int) Math.round(product.queries() * p.queryScale()));
        Draws timing = Draws.stream(p.seed(), STREAM_PRODUCT + 10L * productIndex);
        Draws content = Draws.stream(p.seed(), STREAM_PRODUCT + 10L * productIndex + 1);
        // output speed per answer: a stream of its own, so adding it left every other column's draws unchanged
        Draws speed = Draws.stream(p.seed(), STREAM_PRODUCT + 10L * productIndex + 2);

        // 1. Who sends each query and when: tenants by volume, hours by the tenant's local rhythm.
        List<TenantProfile> tenants = product.tenants();
        double[] tenantWeights = tenants.stream().mapToDouble(TenantProfile::volumeShare).toArray();
        double[][] hourTables = new double[tenants.size()][];
        for (int t = 0; t < tenants.size(); t++) {
            hourTables[t] = hourTable(p, tenants.get(t));
        }
        long startSecond = p.trafficStart().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        int[] tenantOf = new int[n];
        long[] second = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            int t = timing.weighted(tenantWeights);
            tenantOf[i] = t;
            second[i] = startSecond + 3600L * timing.fromCumulative(hourTables[t]) + timing.below(3600);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> second[i]).thenComparingInt(i -> i));

        // 2. What each query is and how every model does on it, in time order.
        String prefix = initials(product.name());
        int digits = Math.max(6, String.valueOf(n).length());
        TrafficSample.Builder builder = TrafficSample.builder(product.name(), models.stream().map(ModelProfile::id).toList())
                .source("traffic/" + product.name() + ".csv");
        int mCount = models.size();
        for (int seq = 0; seq < n; seq++) {
            int i = order[seq];
            TenantProfile tenant = tenants.get(tenantOf[i]);
            int c = content.weighted(tenant.categoryMix());
            CategoryProfile cat = categories.get(c);
            int subtopic = content.below(cat.subtopics().size());
            double difficulty = content.normal() + product.difficultyShift();
            boolean unanswerable = content.chance(cat.unanswerableShare());
            PromptComposer.Prompt prompt = PromptComposer.compose(content, cat, subtopic, difficulty, categories);

            int input = (int) Math.round(content.lognormalWithMean(cat.meanInputTokens(), cat.inputSigma())
                    * StrictMath.exp(0.1 * difficulty));
            input = Math.max(input, 8 + 2 * prompt.text().length() / 7);
            input = Math.min(input, 120_000); // longer documents are chunked upstream
            int cached = content.chance(cat.cachedShare())
                    ? (int) (input * (0.3 + 0.5 * content.uniform())) : 0;
            double answerLength = content.lognormalWithMean(cat.meanOutputTokens(), cat.outputSigma())
                    * StrictMath.exp(cat.outputDifficultyElasticity() * difficulty);

            float[] scores = new float[mCount];
            int[] output = new int[mCount];
            float[] latency = new float[mCount];
            float[] ttftMs = new float[mCount];
            double bestProb = 0;
            for (int m = 0; m < mCount; m++) {
                ModelProfile model = models.get(m);
                double prob = unanswerable ? cat.unanswerableProbability()
                        : AbilityCalibration.probability(cat.guess(), cat.discrimination(), ability[m][c],
                                speciality[m][c][subtopic], difficulty);
                bestProb = Math.max(bestProb, prob);
                scores[m] = cat.graded()
                        ? content.binomial(4, prob) / 4.0f
                        : (content.chance(prob) ? 1f : 0f);
                int out = (int) Math.round(answerLength * model.verbosity() * StrictMath.exp(0.15 * content.normal()));
                output[m] = Math.max(1, Math.min(out, model.maxOutputTokens()));
                LatencyProfile lp = model.latency();
                double ttftSigma = StrictMath.log(lp.ttftP95Ms() / lp.ttftP50Ms()) / 1.645;
                double ttft = lp.ttftP50Ms() * StrictMath.exp(ttftSigma * content.normal())
                        + lp.prefillMsPerThousandInputTokens() * input / 1000.0;
                double tokensPerSecond = lp.outputTokensPerSecond() * StrictMath.exp(lp.outputSpeedSigma() * speed.normal());
                ttftMs[m] = (float) Math.round(ttft);
                latency[m] = (float) Math.round(ttft + 1000.0 * output[m] / tokensPerSecond);
            }
            ceilingOut[0] += bestProb / n;
            String id = prefix + "-" + String.format(Locale.ROOT, "%0" + digits + "d", seq + 1);
            builder.add(new QueryRecord(id, cat.name(), second[i] * 1000L, tenant.name(), tenant.slaTier(),
                    prompt.text(), input, cached, scores, output, null, latency, ttftMs));
        }
        return builder.build();
    }

    /** "assistant-platform" -> "ap". */
    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                sb.append(part.charAt(0));
            }
        }
        return sb.toString();
    }

    /**
     * Cumulative weight of each UTC hour of the window for one tenant: office hours in the tenant's
     * local time, a weekend dip, a night floor, and slow growth (about 0.4% a day).
     */
    private static double[] hourTable(Parameters p, TenantProfile tenant) {
        int hours = p.days() * 24;
        double[] cumulative = new double[hours];
        DayOfWeek firstDay = p.trafficStart().getDayOfWeek();
        double total = 0;
        for (int h = 0; h < hours; h++) {
            int local = h + tenant.utcOffsetHours();
            int localDay = Math.floorDiv(local, 24);
            int localHour = Math.floorMod(local, 24);
            DayOfWeek dow = firstDay.plus(localDay);
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            double hourLevel = Math.max(tenant.nightLevel(), OFFICE_CURVE[localHour]);
            double dayLevel = weekend ? tenant.weekendLevel() : 1.0;
            double growth = 1.0 + 0.004 * (h / 24);
            total += hourLevel * dayLevel * growth;
            cumulative[h] = total;
        }
        return cumulative;
    }

    /** Relative traffic by local hour: low at night, ramp from 7, peaks late morning and mid-afternoon. */
    private static final double[] OFFICE_CURVE = {
        0.06, 0.04, 0.03, 0.03, 0.04, 0.07, 0.15, 0.35, 0.70, 0.95, 1.00, 0.98,
        0.80, 0.90, 1.00, 0.97, 0.85, 0.65, 0.45, 0.35, 0.28, 0.20, 0.14, 0.09};

    // ---------------------------------------------------------------- catalog and prices

    static Catalog catalog(Parameters p) {
        List<ModelInfo> infos = new ArrayList<>();
        // its own stream, drawn after nothing else: the traffic's bytes do not depend on it
        Draws bench = Draws.stream(p.seed(), STREAM_BENCHMARK_PRIORS);
        for (ModelProfile m : SampleProfiles.MODELS) {
            Map<String, Double> priors = new LinkedHashMap<>();
            double bias = BENCHMARK_BIAS_MEAN + BENCHMARK_BIAS_SD * bench.normal();
            for (int c = 0; c < SampleProfiles.CATEGORY_ORDER.size(); c++) {
                double view = m.targetAccuracy(c) + bias + BENCHMARK_NOISE_SD * bench.normal();
                priors.put(SampleProfiles.CATEGORY_ORDER.get(c), Math.round(Math.min(0.99, Math.max(0.02, view)) * 1000) / 1000.0);
            }
            String provenance = "synthetic sample entry, generated by Switchyard SampleDataGenerator " + GENERATOR_VERSION
                    + " (seed " + p.seed() + ", " + p.generatedOn() + "); prices: " + SampleProfiles.LIST_PRICE_SOURCE
                    + "; context window, output limit and latency: approximate public figures, mid-2026, verify before relying"
                    + " on them; rate limits: " + SampleProfiles.RATE_LIMIT_SOURCE + "; quality priors: a noisy, shifted public-benchmark view of the model (per-model bias"
                    + " N(" + BENCHMARK_BIAS_MEAN + ", " + BENCHMARK_BIAS_SD + "), per-category noise N(0, " + BENCHMARK_NOISE_SD
                    + ")), not the traffic's truth";
            infos.add(new ModelInfo(m.id(), m.displayName(), m.provider(), m.family(), m.tier(), m.aliases(),
                    m.contextWindow(), m.maxOutputTokens(), m.latency(), priors, null, provenance,
                    SampleProfiles.RATE_LIMITS.get(m.id())));
        }
        return new Catalog("switchyard-sample", infos);
    }

    static PriceSheet listSheet() {
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        for (ModelProfile m : SampleProfiles.MODELS) {
            prices.put(m.id(), price(m, m.listPrice(), 1.0, hasBatchApi(m)));
        }
        return new PriceSheet(LIST_SHEET, "2026-06", SampleProfiles.LIST_PRICE_SOURCE
                + "; batch prices assumed at 50% of list where the provider offers a batch API",
                LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 1), "USD", prices);
    }

    /** Discount per provider on the negotiated sheet (fraction off list). */
    static final Map<String, Double> ENTERPRISE_DISCOUNT = Map.of("anthropic", 0.20, "openai", 0.10);

    static PriceSheet enterpriseSheet() {
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        for (ModelProfile m : SampleProfiles.MODELS) {
            ListPrice base = m.listPrice();
            if (m.id().equals("gemini-2.5-flash")) {
                base = ListPrice.of(0.25, 2.0, null);
            } else if (m.id().equals("deepseek-chat")) {
                base = ListPrice.of(0.35, 0.55, null);
            }
            double factor = 1.0 - ENTERPRISE_DISCOUNT.getOrDefault(m.provider(), 0.0);
            prices.put(m.id(), price(m, base, factor, hasBatchApi(m)));
        }
        return new PriceSheet(ENTERPRISE_SHEET, "2026-10",
                "synthetic what-if, not a real offer: list-2026-06 with a hypothetical negotiated enterprise discount"
                        + " (anthropic 20% off, openai 10% off, on every token price) and hypothetical price changes"
                        + " (gemini-2.5-flash 0.30/2.50 -> 0.25/2.00; deepseek-chat 0.28/0.42 -> 0.35/0.55)",
                LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 1), "USD", prices);
    }

    private static boolean hasBatchApi(ModelProfile m) {
        return m.provider().equals("openai") || m.provider().equals("anthropic") || m.provider().equals("google");
    }

    private static ModelPrice price(ModelProfile m, ListPrice lp, double factor, boolean batch) {
        double in = round6(lp.inputPer1M() * factor);
        double out = round6(lp.outputPer1M() * factor);
        Double cached = lp.cachedInputPer1M() == null ? null : round6(lp.cachedInputPer1M() * factor);
        List<PriceTier> tiers = lp.longContextAbove() > 0
                ? List.of(new PriceTier(lp.longContextAbove(), round6(lp.longInputPer1M() * factor),
                        round6(lp.longOutputPer1M() * factor), null))
                : List.of();
        return new ModelPrice(m.id(), in, out, cached, 0.0, tiers,
                batch ? round6(in / 2) : null, batch ? round6(out / 2) : null);
    }

    /** Keeps prices like 0.075 * 0.9 from printing as 0.06749999999999999. */
    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static String isoTimestamp(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
