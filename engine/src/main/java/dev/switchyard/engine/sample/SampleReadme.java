package dev.switchyard.engine.sample;

import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders sample-data/README.md from the generator's tables and the realised statistics, so the
 * documentation can never drift from the data it describes.
 */
final class SampleReadme {
    private SampleReadme() {
    }

    static String render(SampleDataGenerator.GeneratedSample g, List<SampleStatistics> stats) {
        SampleDataGenerator.Parameters p = g.parameters();
        StringBuilder sb = new StringBuilder(32_000);
        sb.append("# Switchyard sample data\n\n");
        sb.append("Everything in this folder is **synthetic**. It was written by Switchyard's own seeded generator\n")
                .append("(`dev.switchyard.engine.sample.SampleDataGenerator`, version ").append(SampleDataGenerator.GENERATOR_VERSION)
                .append(") and contains no third-party rows and no third-party text: the prompts are assembled from\n")
                .append("phrases written for Switchyard, the tenants are fictional, and the outcomes are drawn from a model\n")
                .append("calibrated to published benchmark statistics. Prices come from providers' public list prices\n")
                .append("(mid-2026); the second price sheet is a hypothetical what-if, not a real offer.\n\n");
        sb.append("**Do not edit these files by hand.** This README is generated too. A test regenerates the bundle with\n")
                .append("the documented seed and fails if any byte differs.\n\n");

        sb.append("## Files\n\n| File | What it is |\n|---|---|\n");
        sb.append("| `manifest.json` | lists every file below, the generator version, seed and parameters |\n");
        sb.append("| `catalog.json` | ").append(g.catalog().models().size())
                .append(" models: display names, providers, families, tiers, aliases (LiteLLM keys, OpenRouter ids), context windows, latency profiles, quality priors per category, provenance |\n");
        for (PriceSheet s : g.priceSheets()) {
            sb.append("| `prices/").append(s.name()).append(".json` | price sheet `").append(s.name()).append("`, effective ")
                    .append(s.effectiveFrom()).append(", retrieved ").append(s.retrievedOn()).append(": ").append(s.source()).append(" |\n");
        }
        for (int i = 0; i < g.traffic().size(); i++) {
            NamedTraffic t = g.traffic().get(i);
            sb.append("| `").append(t.file()).append("` | ").append(t.sample().size()).append(" queries x ")
                    .append(t.sample().modelCount()).append(" models. ").append(t.description()).append(" |\n");
        }
        sb.append("\nTraffic files use the SPROUT-style wide CSV (see the repository README): per query `query_id, category,\n")
                .append("timestamp, tenant, sla_tier, prompt, input_tokens, cached_input_tokens` (timestamps ISO-8601 UTC), then per model\n")
                .append("`<model>.score, <model>.num_output_tokens, <model>.latency_ms, <model>.ttft_ms` (total latency and time to\n")
                .append("first token, ms). Costs are not stored: every query keeps\n")
                .append("its tokens so any price sheet can price it.\n\n");

        sb.append("## How to regenerate\n\n```\n./switchyard generate-sample --out sample-data --seed ").append(p.seed()).append("\n```\n\n");
        sb.append("Same seed, same bytes, on any machine: the generator uses one seeded `L64X128MixRandom` stream per\n")
                .append("purpose (derived from the seed with a SplitMix64 mix), its own normal/lognormal/Poisson draws with\n")
                .append("`StrictMath`, no hash-ordered output, `Locale.ROOT` formatting and no clock: the generation date is a\n")
                .append("parameter. Another `--seed` gives another, equally calibrated, sample.\n\n");

        sb.append("## Parameters\n\n| Parameter | Value |\n|---|---|\n");
        for (Map.Entry<String, Object> e : p.asMap().entrySet()) {
            sb.append("| `").append(e.getKey()).append("` | ").append(e.getValue()).append(" |\n");
        }
        sb.append("\n### Products and tenants\n\n");
        sb.append("Timestamps cover ").append(p.days()).append(" days from ").append(p.trafficStart())
                .append(" (UTC). Each tenant's traffic follows office hours in its own time zone (ramp from 07:00, peaks late\n")
                .append("morning and mid-afternoon), dips at weekends and at night to the levels below, and grows about 0.4% a day.\n\n");
        sb.append("| Product | Tenant | SLA tier | Volume share | UTC offset | Weekend level | Night level | Category mix |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (ProductProfile prod : SampleProfiles.PRODUCTS) {
            for (TenantProfile t : prod.tenants()) {
                sb.append("| ").append(prod.name()).append(" | ").append(t.name()).append(" | ").append(t.slaTier()).append(" | ")
                        .append(f2(t.volumeShare())).append(" | ").append(String.format(Locale.ROOT, "%+d", t.utcOffsetHours()))
                        .append(" | ").append(f2(t.weekendLevel())).append(" | ").append(f2(t.nightLevel())).append(" | ")
                        .append(mix(t.categoryMix())).append(" |\n");
            }
        }
        sb.append("\n| Product | Queries | Difficulty shift |\n|---|---|---|\n");
        for (ProductProfile prod : SampleProfiles.PRODUCTS) {
            sb.append("| ").append(prod.name()).append(" | ").append(Math.round(prod.queries() * p.queryScale())).append(" | ")
                    .append(f2(prod.difficultyShift())).append(" |\n");
        }

        sb.append("\n## The outcome model (assumptions)\n\n");
        sb.append("Each query has one latent difficulty `d ~ Normal(shift, 1)` shared by all models, a category and a subtopic.\n")
                .append("Each model has an ability per category and a speciality per subtopic (Normal(0, ")
                .append(SampleDataGenerator.SPECIALITY_SD).append("), centred per category,\n")
                .append("drawn from the seed). The chance that model *m* satisfies the query is\n\n")
                .append("    P = guess + (1 - guess) * sigmoid(a * (ability[m, category] + speciality[m, subtopic] - d))\n\n")
                .append("Each ability is solved by bisection so that the model's expected score over standard-normal difficulty\n")
                .append("equals its target accuracy (table below). A small share of\n")
                .append("queries is unanswerable (broken tests, missing context, a wrong answer key): every model fails them, as in\n")
                .append("real benchmarks. Pass/fail categories score 0 or 1 (drawn from P); judge-scored categories score\n")
                .append("Binomial(4, P)/4, i.e. 0, 0.25, 0.5, 0.75 or 1 with mean P.\n\n");
        sb.append("The catalog's quality priors are not these targets: they are what a team would read off public benchmarks,\n")
                .append("a noisy and shifted view of each model. Per model a bias Normal(").append(SampleDataGenerator.BENCHMARK_BIAS_MEAN)
                .append(", ").append(SampleDataGenerator.BENCHMARK_BIAS_SD).append(") (benchmarks overstate production quality\n")
                .append("on average), plus per (model, category) noise Normal(0, ").append(SampleDataGenerator.BENCHMARK_NOISE_SD)
                .append("), clamped to [0.02, 0.99] and rounded to three decimals,\n")
                .append("drawn from their own stream of the seed. So a router's Beta priors start near, not at, the truth, and it has\n")
                .append("to learn the difference from feedback, as in production.\n\n");
        sb.append("Prompts are short synthetic texts: the opener and topic phrase name the category and subtopic (which models\n")
                .append("suit the query), harder queries carry more clauses such as \"handling every edge case\" or \"with a proof\"\n")
                .append("(Poisson with mean 0.8 exp(0.9 d), at most 4), easy ones often say \"simple\" or \"in one line\". 8% borrow a\n")
                .append("phrase from another category and 25% carry neutral filler, so the signal is real but imperfect.\n\n");
        sb.append("Tokens: input ~ lognormal with the category mean, times exp(0.1 d), capped at 120,000 (longer documents are\n")
                .append("assumed chunked upstream); output ~ lognormal with the category mean, times exp(elasticity x d), times the\n")
                .append("model's verbosity (which includes billed reasoning tokens) and a per-model jitter exp(0.15 N(0,1)).\n\n");
        sb.append("Latency per query and model, as the catalog's latency profile states it: time to first token = lognormal with\n")
                .append("the model's p50 and p95 for a short prompt, plus the model's prefill time per 1,000 input tokens (long RAG\n")
                .append("prompts wait longer); total = TTFT + output tokens / output speed, the speed lognormal around the model's\n")
                .append("tokens per second with sigma ").append(SampleProfiles.OUTPUT_SPEED_SIGMA)
                .append(" (drawn from a stream of its own). Both are rounded to whole ms.\n\n");
        sb.append("| Model | TTFT p50 ms | TTFT p95 ms | Prefill ms / 1k input | Output tokens/s | Requests/min | Tokens/min | Fallback |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (ModelProfile m : SampleProfiles.MODELS) {
            dev.switchyard.engine.catalog.RateLimit rl = SampleProfiles.RATE_LIMITS.get(m.id());
            sb.append("| ").append(m.id()).append(" | ").append((long) m.latency().ttftP50Ms()).append(" | ")
                    .append((long) m.latency().ttftP95Ms()).append(" | ").append((long) m.latency().prefillMsPerThousandInputTokens())
                    .append(" | ").append((long) m.latency().outputTokensPerSecond()).append(" | ")
                    .append(rl == null ? "-" : String.format(Locale.ROOT, "%,d", rl.requestsPerMinute())).append(" | ")
                    .append(rl == null ? "-" : String.format(Locale.ROOT, "%,d", rl.tokensPerMinute())).append(" | ")
                    .append(rl == null || !rl.hasFallback() ? "-" : rl.fallback()).append(" |\n");
        }
        sb.append("\nRate limits (catalog `rateLimit`, per minute, tokens = input + output) have headroom for the default volume\n")
                .append("(1M requests a month peaks near 50 a minute) and bind from about ten times that; requests beyond a\n")
                .append("model's limit go to its fallback (decision 1403). ").append(SampleProfiles.RATE_LIMIT_SOURCE).append(".\n\n");
        sb.append("| Category | Scores | Guess | Discrimination a | Unanswerable | Mean input | Input sigma | Mean output | Output sigma | Difficulty elasticity | Cached-prefix share |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (CategoryProfile c : SampleProfiles.CATEGORIES) {
            sb.append("| ").append(c.name()).append(" | ").append(c.graded() ? "judge 0-1 in quarters" : "pass/fail").append(" | ")
                    .append(f2(c.guess())).append(" | ").append(f2(c.discrimination())).append(" | ").append(f3(c.unanswerableShare()))
                    .append(" | ").append(f0(c.meanInputTokens())).append(" | ").append(f2(c.inputSigma())).append(" | ")
                    .append(f0(c.meanOutputTokens())).append(" | ").append(f2(c.outputSigma())).append(" | ")
                    .append(f2(c.outputDifficultyElasticity())).append(" | ").append(f2(c.cachedShare())).append(" |\n");
        }
        sb.append("\nCached-prefix queries reuse 30-80% of their input from a provider prompt cache (billed at the cached-input\n")
                .append("price where the sheet has one, otherwise at the input price).\n\n");

        sb.append("### Models: target accuracy per category, verbosity, prices\n\n");
        sb.append("| Model | Provider | Tier | Verbosity |");
        for (String c : SampleProfiles.CATEGORY_ORDER) {
            sb.append(' ').append(c).append(" |");
        }
        sb.append("\n|---|---|---|---|");
        sb.append("---|".repeat(SampleProfiles.CATEGORY_ORDER.size())).append('\n');
        for (ModelProfile m : SampleProfiles.MODELS) {
            sb.append("| ").append(m.id()).append(" | ").append(m.provider()).append(" | ").append(m.tier()).append(" | ")
                    .append(f2(m.verbosity())).append(" |");
            for (int c = 0; c < SampleProfiles.CATEGORY_ORDER.size(); c++) {
                sb.append(' ').append(f2(m.targetAccuracy(c))).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nReasoning spans 0.95 to 0.66 (the ARC-Challenge range from the strongest to a 7B model) and code 0.69 to\n")
                .append("0.34 (the MBPP range); the other categories are set so the best single model averages about 0.79 over the\n")
                .append("main product's mix, as RouterBench's best fixed model does (0.785).\n\n");
        sb.append("Prices per 1M tokens (input / output / cached input; `-` = no cached price on the sheet):\n\n| Model |");
        for (PriceSheet s : g.priceSheets()) {
            sb.append(' ').append(s.name()).append(" |");
        }
        sb.append("\n|---|").append("---|".repeat(g.priceSheets().size())).append('\n');
        for (ModelProfile m : SampleProfiles.MODELS) {
            sb.append("| ").append(m.id()).append(" |");
            for (PriceSheet s : g.priceSheets()) {
                ModelPrice mp = s.prices().get(m.id());
                sb.append(' ').append(price(mp.inputPer1M())).append(" / ").append(price(mp.outputPer1M())).append(" / ")
                        .append(mp.cachedInputPer1M() == null ? "-" : price(mp.cachedInputPer1M()));
                if (!mp.tiers().isEmpty()) {
                    sb.append(" (above ").append(mp.tiers().get(0).aboveInputTokens()).append(" input tokens: ")
                            .append(price(mp.tiers().get(0).inputPer1M())).append(" / ").append(price(mp.tiers().get(0).outputPer1M()))
                            .append(')');
                }
                sb.append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nBatch prices (50% of the sheet's prices) are listed for OpenAI, Anthropic and Google models.\n")
                .append("The gemini-2.5-pro long-context output price (15 per 1M above 200k input tokens) is Google's public figure;\n")
                .append("no query in the sample exceeds 120,000 input tokens, so the tier is there for what-ifs with longer inputs.\n\n");

        sb.append("## Calibration targets and what the data shows\n\n");
        SampleStatistics main = stats.get(0);
        SampleStatistics.CategoryStats reasoning = main.category("reasoning");
        SampleStatistics.CategoryStats code = main.category("code");
        sb.append("| Statistic (").append(main.sample()).append(") | Target (source) | Tolerance in tests | Realised |\n|---|---|---|---|\n");
        row(sb, "reasoning: all models right", "0.32 (RouterBench ARC-Challenge)", "+/- 0.05", reasoning.allRightShare());
        row(sb, "reasoning: no model right", "0.01 (RouterBench ARC-Challenge)", "+/- 0.01", reasoning.noneRightShare());
        row(sb, "reasoning: strongest / weakest accuracy", "0.95 / 0.66", "+/- 0.03",
                reasoning.best(), reasoning.worst());
        row(sb, "code: all models right", "0.11 (RouterBench MBPP)", "+/- 0.04", code.allRightShare());
        row(sb, "code: no model right", "0.13 (RouterBench MBPP)", "+/- 0.04", code.noneRightShare());
        row(sb, "code: strongest / weakest accuracy", "0.69 / 0.34", "+/- 0.03", code.best(), code.worst());
        row(sb, "best fixed model, mean score", "0.785 (RouterBench)", "+/- 0.02", main.bestFixedScore());
        row(sb, "per-query oracle, mean score", "0.917 (RouterBench)", "+/- 0.025", main.oracleScore());
        if (stats.size() > 1) {
            SampleStatistics second = stats.get(1);
            row(sb, second.sample() + ": category-best routing", ">= 0.92 (design: tau 0.90 reachable by category routing)",
                    ">= 0.92", second.categoryBestScore());
            row(sb, second.sample() + ": expected ceiling", "about 0.95 (design: tau 0.95 at the edge)", "0.93 to 0.97",
                    g.expectedCeiling().get(second.sample()));
        }
        sb.append("\nThe oracle picks, per query, the cheapest model with the top score after the fact; part of its lead over\n")
                .append("the best fixed model is luck no router can foresee. The **expected ceiling** below is what a router could\n")
                .append("expect at best if it knew every query's true difficulty and subtopic (the mean of the best model's P):\n")
                .append("SLA targets above it cannot be held on this traffic. The **category-best** figure is what routing on the\n")
                .append("category alone can reach; everything between it and the ceiling must be learned from the prompt text.\n")
                .append("On the main sample (RouterBench-like) category routing reaches only about the best fixed model, so SLA\n")
                .append("targets of 0.80 and above need a prompt-text predictor; the support desk is deliberately easier so that\n")
                .append("0.80 to 0.90 are reachable by category routing and 0.95 shows what a target at the ceiling costs.\n\n");

        for (int i = 0; i < stats.size(); i++) {
            SampleStatistics st = stats.get(i);
            NamedTraffic t = g.traffic().get(i);
            sb.append("## Realised statistics: `").append(st.sample()).append("`\n\n");
            sb.append("| Queries | Best fixed model | Best fixed score | Category-best routing | Expected ceiling | Per-query oracle | Oracle picks a small/nano model | Weekend share | 08-18 UTC share |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|\n");
            sb.append("| ").append(st.queries()).append(" | ").append(st.bestFixedModel()).append(" | ").append(f3(st.bestFixedScore()))
                    .append(" | ").append(f3(st.categoryBestScore())).append(" | ").append(f3(g.expectedCeiling().get(t.name())))
                    .append(" | ").append(f3(st.oracleScore())).append(" | ").append(f2(st.oracleSmallModelShare())).append(" | ")
                    .append(f2(st.weekendShare())).append(" | ").append(f2(st.officeHoursShare())).append(" |\n\n");
            sb.append("Tenants (share of queries): ");
            boolean first = true;
            for (Map.Entry<String, Double> e : st.tenantShare().entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(f3(e.getValue()));
                first = false;
            }
            sb.append(".\n\n");
            sb.append("Per category: queries, all-right and none-right shares (\"right\" = score 1), oracle, mean tokens.\n\n");
            sb.append("| Category | Queries | All right | None right | Oracle | Mean input tokens | Mean output tokens (all models) |\n");
            sb.append("|---|---|---|---|---|---|---|\n");
            for (SampleStatistics.CategoryStats c : st.categories()) {
                double out = 0;
                for (double o : c.meanOutputTokens()) {
                    out += o / c.meanOutputTokens().length;
                }
                sb.append("| ").append(c.name()).append(" | ").append(c.queries()).append(" | ").append(f3(c.allRightShare()))
                        .append(" | ").append(f3(c.noneRightShare())).append(" | ").append(f3(c.oracleScore())).append(" | ")
                        .append(f0(c.meanInputTokens())).append(" | ").append(f0(out)).append(" |\n");
            }
            sb.append("\nMean score per model and category:\n\n| Model | all |");
            for (SampleStatistics.CategoryStats c : st.categories()) {
                sb.append(' ').append(c.name()).append(" |");
            }
            sb.append("\n|---|---|").append("---|".repeat(st.categories().size())).append('\n');
            for (int m = 0; m < st.models().size(); m++) {
                sb.append("| ").append(st.models().get(m)).append(" | ").append(f3(st.meanScore()[m])).append(" |");
                for (SampleStatistics.CategoryStats c : st.categories()) {
                    sb.append(' ').append(f3(c.accuracy()[m])).append(" |");
                }
                sb.append('\n');
            }
            sb.append("\nCost per 1,000 requests (USD) and mean output tokens per request, per model:\n\n| Model | Mean output tokens |");
            for (String sheet : st.costPer1kBySheet().keySet()) {
                sb.append(' ').append(sheet).append(" |");
            }
            sb.append("\n|---|---|").append("---|".repeat(st.costPer1kBySheet().size())).append('\n');
            for (int m = 0; m < st.models().size(); m++) {
                double out = 0;
                for (SampleStatistics.CategoryStats c : st.categories()) {
                    out += c.meanOutputTokens()[m] * c.queries() / st.queries();
                }
                sb.append("| ").append(st.models().get(m)).append(" | ").append(f0(out)).append(" |");
                for (double[] cost : st.costPer1kBySheet().values()) {
                    sb.append(' ').append(f3(cost[m])).append(" |");
                }
                sb.append('\n');
            }
            sb.append('\n');
        }

        sb.append("## Limits\n\n");
        sb.append("- The numbers are plausible, not measured: use the sample to learn the planner and to compare routers, and\n")
                .append("  load your own evaluation matrix and price sheets for decisions.\n")
                .append("- Context windows, output limits and latency profiles are approximate public figures from mid-2026; the rate\n")
                .append("  limits are invented in the shape of providers' usage tiers.\n")
                .append("- The enterprise sheet's discounts and price changes are invented to show a what-if.\n")
                .append("- One latent difficulty plus subtopic specialities is a simplification of how real models differ.\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String what, String target, String tolerance, double... realised) {
        sb.append("| ").append(what).append(" | ").append(target).append(" | ").append(tolerance).append(" | ");
        for (int i = 0; i < realised.length; i++) {
            sb.append(i == 0 ? "" : " / ").append(f3(realised[i]));
        }
        sb.append(" |\n");
    }

    private static String mix(double[] weights) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < weights.length; c++) {
            if (weights[c] > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(SampleProfiles.CATEGORY_ORDER.get(c)).append(' ').append(f2(weights[c]));
            }
        }
        return sb.toString();
    }

    private static String price(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
