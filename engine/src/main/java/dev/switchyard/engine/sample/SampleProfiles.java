package dev.switchyard.engine.sample;

import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.RateLimit;
import dev.switchyard.engine.sample.CategoryProfile.Subtopic;
import dev.switchyard.engine.sample.ModelProfile.ListPrice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assumptions behind the bundled sample, in one place: models with their list prices and
 * target accuracies, task categories, tenants and products. sample-data/README.md reproduces
 * these tables; change them here and regenerate, never edit the generated files.
 */
public final class SampleProfiles {

    /**
     * The sample the app opens on. The main sample is calibrated to RouterBench, where even the best
     * model satisfies only about 79% of queries, so the product's first question ("what does a 90%
     * SLA cost us?") has no answer there; on the support desk it does. See decision 0202.
     */
    public static final String APP_DEFAULT_TRAFFIC = "support-desk";
    private SampleProfiles() {
    }

    public static final List<String> CATEGORY_ORDER = List.of(
            "chat", "rag", "code", "math", "reasoning", "classification", "extraction", "summarization");

    static final int CHAT = 0;
    static final int RAG = 1;
    static final int CODE = 2;
    static final int MATH = 3;
    static final int REASONING = 4;
    static final int CLASSIFICATION = 5;
    static final int EXTRACTION = 6;
    static final int SUMMARIZATION = 7;

    /** Price source of the list sheet, as the catalog's provenance cites it. */
    public static final String LIST_PRICE_SOURCE =
            "providers' public list prices per 1M tokens, mid-2026, as collected in Switchyard's data-formats notes (section 2)";

    // ---------------------------------------------------------------- models
    // Target accuracies per category, in CATEGORY_ORDER:
    //          chat  rag   code  math  reason class extract summ
    // Anchors: reasoning spans 0.95..0.66 (ARC-Challenge range), code 0.69..0.34 (MBPP range);
    // the rest are set so the best single model averages about 0.79 over the main product's mix
    // (RouterBench's best fixed model: 0.785).
    static final List<ModelProfile> MODELS = List.of(
            model("gpt-5.5", "GPT-5.5", "openai", "gpt-5", "frontier",
                    List.of("openai/gpt-5.5"), 400_000, 128_000, lat(1800, 6000, 60, 160), 1.6,
                    ListPrice.of(5.0, 30.0, 0.5),
                    0.80, 0.77, 0.68, 0.82, 0.95, 0.82, 0.78, 0.75),
            model("claude-opus-4-7", "Claude Opus 4.7", "anthropic", "claude-4", "frontier",
                    List.of("anthropic/claude-opus-4.7"), 200_000, 64_000, lat(1500, 4000, 45, 140), 1.1,
                    ListPrice.of(5.0, 25.0, 0.5),
                    0.80, 0.78, 0.69, 0.79, 0.94, 0.81, 0.77, 0.76),
            model("gemini-2.5-pro", "Gemini 2.5 Pro", "google", "gemini-2.5", "large",
                    List.of("gemini/gemini-2.5-pro", "google/gemini-2.5-pro"), 1_048_576, 65_536, lat(1600, 5500, 85, 110), 1.5,
                    new ListPrice(1.25, 10.0, null, 200_000, 2.5, 15.0),
                    0.76, 0.78, 0.64, 0.80, 0.93, 0.80, 0.76, 0.76),
            model("gpt-5.4", "GPT-5.4", "openai", "gpt-5", "large",
                    List.of("openai/gpt-5.4"), 400_000, 128_000, lat(1200, 4500, 75, 100), 1.4,
                    ListPrice.of(2.5, 15.0, 0.25),
                    0.77, 0.74, 0.64, 0.78, 0.93, 0.80, 0.76, 0.72),
            model("claude-sonnet-4-6", "Claude Sonnet 4.6", "anthropic", "claude-4", "large",
                    List.of("anthropic/claude-sonnet-4.6"), 200_000, 64_000, lat(900, 2500, 65, 90), 1.05,
                    ListPrice.of(3.0, 15.0, 0.3),
                    0.77, 0.75, 0.66, 0.74, 0.92, 0.80, 0.76, 0.73),
            model("deepseek-chat", "DeepSeek Chat", "deepseek", "deepseek-v3", "large",
                    List.of("deepseek/deepseek-chat"), 128_000, 8_192, lat(900, 3500, 35, 120), 1.0,
                    ListPrice.of(0.28, 0.42, null),
                    0.72, 0.68, 0.60, 0.76, 0.89, 0.76, 0.70, 0.67),
            model("gemini-2.5-flash", "Gemini 2.5 Flash", "google", "gemini-2.5", "small",
                    List.of("gemini/gemini-2.5-flash", "google/gemini-2.5-flash"), 1_048_576, 65_536, lat(600, 2200, 180, 40), 1.2,
                    ListPrice.of(0.3, 2.5, null),
                    0.72, 0.72, 0.55, 0.70, 0.89, 0.78, 0.73, 0.70),
            model("gpt-5.4-mini", "GPT-5.4 mini", "openai", "gpt-5", "small",
                    List.of("openai/gpt-5.4-mini"), 400_000, 128_000, lat(700, 2500, 110, 50), 1.3,
                    ListPrice.of(0.75, 4.5, 0.075),
                    0.71, 0.69, 0.56, 0.70, 0.88, 0.77, 0.72, 0.68),
            model("claude-haiku-4-5", "Claude Haiku 4.5", "anthropic", "claude-4", "small",
                    List.of("anthropic/claude-haiku-4.5", "claude-haiku-4-5-20251001"), 200_000, 64_000, lat(500, 1300, 120, 45), 0.95,
                    ListPrice.of(1.0, 5.0, 0.1),
                    0.70, 0.68, 0.53, 0.62, 0.85, 0.76, 0.71, 0.68),
            model("gpt-5.4-nano", "GPT-5.4 nano", "openai", "gpt-5", "nano",
                    List.of("openai/gpt-5.4-nano"), 400_000, 128_000, lat(450, 1500, 160, 30), 1.2,
                    ListPrice.of(0.2, 1.25, 0.02),
                    0.62, 0.60, 0.42, 0.54, 0.78, 0.72, 0.64, 0.60),
            model("gemini-2.5-flash-lite", "Gemini 2.5 Flash-Lite", "google", "gemini-2.5", "nano",
                    List.of("gemini/gemini-2.5-flash-lite", "google/gemini-2.5-flash-lite"), 1_048_576, 65_536,
                    lat(350, 1000, 250, 25), 0.9,
                    ListPrice.of(0.1, 0.4, null),
                    0.61, 0.61, 0.40, 0.51, 0.76, 0.71, 0.62, 0.61),
            model("mistral-small", "Mistral Small", "mistral", "mistral", "small",
                    List.of("mistral/mistral-small-latest", "mistralai/mistral-small-3.2-24b-instruct"), 131_072, 32_768,
                    lat(300, 900, 150, 35), 0.9,
                    ListPrice.of(0.06, 0.18, null),
                    0.54, 0.51, 0.34, 0.38, 0.66, 0.62, 0.51, 0.54));

    private static ModelProfile model(String id, String display, String provider, String family, String tier,
                                      List<String> aliases, int context, int maxOut, LatencyProfile latency,
                                      double verbosity, ListPrice price, double... accuracy) {
        return new ModelProfile(id, display, provider, family, tier, aliases, context, maxOut, latency, verbosity,
                price, accuracy);
    }

    /** Log-normal sigma of a model's output speed from one answer to the next (load, batching). */
    static final double OUTPUT_SPEED_SIGMA = 0.2;

    /** Where the latency figures come from, as the catalog's latency source cites it. */
    public static final String LATENCY_SOURCE = "synthetic, shaped after public LLMPerf-style measurements of hosted APIs"
            + " (TTFT p50/p95 for a short prompt, prefill time growing with the prompt, output tokens per second), mid-2026;"
            + " approximate, not measured";

    /**
     * @param prefillPerThousand ms of time to first token per 1,000 input tokens (long prompts wait longer)
     */
    private static LatencyProfile lat(double p50, double p95, double tokensPerSecond, double prefillPerThousand) {
        return new LatencyProfile(p50, p95, tokensPerSecond, prefillPerThousand, OUTPUT_SPEED_SIGMA, LATENCY_SOURCE);
    }

    /** Where the rate limits come from, as the catalog's rate-limit source cites it. */
    public static final String RATE_LIMIT_SOURCE = "synthetic, shaped after providers' published usage-tier limits for a"
            + " mid-size account (requests and tokens per minute), mid-2026; your account's limits differ";

    /**
     * Per-model limits (requests per minute, tokens per minute, input plus output) and the declared fallback: the
     * same provider's next model down where there is one. Sized with headroom for the default volume (1M requests a
     * month peaks near 50 a minute), so they bind when the volume grows tenfold and more.
     */
    static final Map<String, RateLimit> RATE_LIMITS = rateLimits(
            "gpt-5.5", 500, 500_000, "gpt-5.4",
            "claude-opus-4-7", 400, 400_000, "claude-sonnet-4-6",
            "gemini-2.5-pro", 300, 1_000_000, "gemini-2.5-flash",
            "gpt-5.4", 1_000, 1_000_000, "gpt-5.4-mini",
            "claude-sonnet-4-6", 1_000, 500_000, "claude-haiku-4-5",
            "deepseek-chat", 300, 300_000, "gemini-2.5-flash",
            "gemini-2.5-flash", 2_000, 2_000_000, "gemini-2.5-flash-lite",
            "gpt-5.4-mini", 2_000, 2_000_000, "gpt-5.4-nano",
            "claude-haiku-4-5", 2_000, 1_000_000, "gemini-2.5-flash",
            "gpt-5.4-nano", 5_000, 4_000_000, "gemini-2.5-flash-lite",
            "gemini-2.5-flash-lite", 4_000, 4_000_000, "mistral-small",
            "mistral-small", 1_000, 1_000_000, "");

    private static Map<String, RateLimit> rateLimits(Object... rows) {
        Map<String, RateLimit> m = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 4) {
            m.put((String) rows[i], new RateLimit(((Number) rows[i + 1]).longValue(), ((Number) rows[i + 2]).longValue(),
                    (String) rows[i + 3], RATE_LIMIT_SOURCE));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    // ---------------------------------------------------------------- categories
    static final List<CategoryProfile> CATEGORIES = List.of(
            new CategoryProfile("chat", true, 0, 4.5, 600, 0.8, 250, 0.7, 0.15, 0.5, 0.06,
                    List.of("Can you help me", "I need a hand to", "Please help me", "Quick question: how do I",
                            "Could you explain how to", "Help me figure out how to"),
                    List.of(
                            new Subtopic("writing", List.of("word an email to a client", "rewrite this paragraph so it sounds friendlier",
                                    "draft a thank-you note to my team", "polish a cover letter")),
                            new Subtopic("planning", List.of("plan a three-day offsite", "organise my week around two deadlines",
                                    "build a study schedule", "prepare an agenda for a kickoff")),
                            new Subtopic("advice", List.of("choose between two job offers", "give feedback to a colleague",
                                    "negotiate a later deadline", "handle an upset customer")),
                            new Subtopic("howto", List.of("set up a shared calendar", "reset my router settings",
                                    "export a spreadsheet as a chart", "back up photos from my phone"))),
                    List.of("quickly", "in one line", "in a few words", "simply", "just the basics"),
                    List.of("balancing several competing constraints", "taking every stakeholder's view into account",
                            "with the trade-offs spelled out", "considering the legal and budget implications",
                            "step by step with the reasoning behind each step", "while keeping a consistent tone across sections",
                            "for an audience that disagrees", "covering the exceptions and what to do if it fails")),
            new CategoryProfile("rag", true, 0, 4.5, 3000, 0.6, 300, 0.6, 0.1, 0.6, 0.08,
                    List.of("Using the attached documents, answer:", "Based on the retrieved passages,",
                            "From the knowledge base excerpts below,", "According to the context provided,"),
                    List.of(
                            new Subtopic("policy", List.of("what is our refund policy for annual plans",
                                    "which expenses need manager approval", "how many remote days are allowed")),
                            new Subtopic("product", List.of("which firmware versions support the new sensor",
                                    "what are the limits of the starter plan", "how does the sync feature handle conflicts")),
                            new Subtopic("legal", List.of("which clauses cover data retention", "what notice period applies to termination",
                                    "who is liable under the indemnity section")),
                            new Subtopic("finance", List.of("what was the quarterly churn by region", "how did margins change after the price rise",
                                    "which cost centre overspent"))),
                    List.of("in one sentence", "briefly", "with a direct quote", "yes or no"),
                    List.of("reconciling passages that contradict each other", "citing every source paragraph",
                            "across all five documents", "and flag anything the context does not support",
                            "comparing the old and new versions", "with dates, amounts and exceptions",
                            "when the answer spans several sections", "noting which figures are estimates")),
            new CategoryProfile("code", false, 0, 2.3, 1500, 0.8, 600, 0.7, 0.25, 0.3, 0.08,
                    List.of("Write a function that", "Implement code that", "Fix the bug in this code that",
                            "Refactor this snippet so it", "Write a test and an implementation that"),
                    List.of(
                            new Subtopic("python", List.of("parses a CSV of orders in Python", "merges two sorted lists in Python",
                                    "validates dictionary keys in Python", "groups records by date with pandas")),
                            new Subtopic("sql", List.of("joins orders to customers in SQL", "computes a running total with a window function",
                                    "finds duplicate rows in a SQL table", "pivots monthly sales in SQL")),
                            new Subtopic("javascript", List.of("debounces a search box in TypeScript", "renders a sortable table in React",
                                    "retries a failed fetch in JavaScript", "validates a form in TypeScript")),
                            new Subtopic("systems", List.of("implements a lock-free queue in Rust", "parses a binary header in C",
                                    "reuses buffers in a Go server", "memory-maps a large file in C++"))),
                    List.of("in a few lines", "a simple version", "no error handling needed", "a basic example"),
                    List.of("handling every edge case", "in O(n log n) time", "thread-safe under concurrent writers",
                            "without allocating extra memory", "with property-based tests", "for inputs with nested recursion",
                            "streaming gigabyte inputs", "with a proof that it terminates")),
            new CategoryProfile("math", false, 0, 3.5, 250, 0.6, 450, 0.6, 0.35, 0.05, 0.04,
                    List.of("Solve:", "Work out", "Calculate", "Find", "Compute"),
                    List.of(
                            new Subtopic("arithmetic", List.of("the total price of 7 items at 3.20 each after a 15 percent discount",
                                    "how many boxes of 12 hold 150 cans", "the change from 50 after buying 3 tickets")),
                            new Subtopic("algebra", List.of("x when 3x + 7 = 2x - 5", "the roots of a quadratic equation",
                                    "the intersection of two lines")),
                            new Subtopic("probability", List.of("the chance of two sixes in three dice rolls",
                                    "the expected number of draws until a red card", "the odds of at least one defect in a batch")),
                            new Subtopic("geometry", List.of("the area of a triangle inscribed in a circle", "the angle between two vectors",
                                    "the volume of a cone cut by a plane"))),
                    List.of("one step", "simple", "a whole number answer", "quick check"),
                    List.of("over several stages", "with a proof", "under two simultaneous constraints",
                            "for the general case n", "with conditional probabilities", "and show it is optimal",
                            "using an invariant", "with a counterexample for the converse")),
            new CategoryProfile("reasoning", false, 0.25, 1.4, 180, 0.4, 120, 0.7, 0.3, 0.05, 0.012,
                    List.of("Which option is correct?", "Choose the best answer:", "Pick A, B, C or D:", "Answer the question:"),
                    List.of(
                            new Subtopic("physics", List.of("why does a heavier ball not fall faster", "what happens to ice when pressure rises",
                                    "which circuit draws the most current")),
                            new Subtopic("biology", List.of("which organ filters the blood", "how do plants store energy",
                                    "what passes traits to offspring")),
                            new Subtopic("earth", List.of("what causes the seasons", "why do coastal towns stay milder",
                                    "which rock forms from cooled lava")),
                            new Subtopic("logic", List.of("which conclusion follows from the premises", "who sits at the end of the row",
                                    "which statement must be false"))),
                    List.of("basic fact", "recall", "simple", "one clue"),
                    List.of("combining two unstated assumptions", "where two options look right", "requiring a multi-step inference",
                            "with a distractor that sounds plausible", "ruling out each alternative",
                            "from an experiment with a confounder", "applying a principle to a new setting",
                            "with negated premises")),
            new CategoryProfile("classification", false, 0.2, 3.5, 350, 0.6, 5, 0.3, 0.0, 0.4, 0.015,
                    List.of("Classify this ticket:", "Label the sentiment of:", "Which queue should this go to:",
                            "Tag the intent of:"),
                    List.of(
                            new Subtopic("sentiment", List.of("the delivery was late but support was kind",
                                    "love the update, battery life is great", "not sure this is worth the money")),
                            new Subtopic("intent", List.of("I want to change my billing address", "cancel my subscription today",
                                    "can I add a second user")),
                            new Subtopic("routing", List.of("login fails after the password reset", "invoice shows the wrong VAT number",
                                    "the app crashes when uploading photos")),
                            new Subtopic("moderation", List.of("comment contains an insult", "post advertises a giveaway link",
                                    "review mentions a competitor"))),
                    List.of("obvious", "one label", "clear case", "short message"),
                    List.of("sarcastic wording", "mixed languages", "two intents in one message", "ambiguous between three labels",
                            "with an unusual abbreviation", "where the label depends on context", "rare category", "negation")),
            new CategoryProfile("extraction", false, 0, 3.5, 900, 0.7, 120, 0.5, 0.1, 0.4, 0.05,
                    List.of("Extract as JSON", "Pull out", "Return the fields", "Fill the schema with"),
                    List.of(
                            new Subtopic("invoices", List.of("the invoice number, total and due date", "line items and tax rates from this invoice",
                                    "supplier name and IBAN")),
                            new Subtopic("contracts", List.of("parties, start date and renewal term", "the governing law and notice period",
                                    "payment milestones")),
                            new Subtopic("resumes", List.of("skills, employers and years of experience", "degrees and graduation years",
                                    "contact details")),
                            new Subtopic("emails", List.of("the meeting time, attendees and location", "order numbers and requested actions",
                                    "the sender's deadline"))),
                    List.of("one field", "clean input", "a single record", "plain text"),
                    List.of("from a scanned table with merged cells", "normalising dates in mixed formats",
                            "with nested line items", "when fields are split across pages", "resolving conflicting values",
                            "with optional fields left null", "across several currencies", "following a strict schema")),
            new CategoryProfile("summarization", true, 0, 4.5, 4000, 0.7, 350, 0.5, 0.1, 0.2, 0.06,
                    List.of("Summarise", "Write a short summary of", "Give the key points of", "Condense"),
                    List.of(
                            new Subtopic("meetings", List.of("this meeting transcript", "the weekly stand-up notes", "the board call recording")),
                            new Subtopic("reports", List.of("this quarterly report", "the incident post-mortem", "the market analysis")),
                            new Subtopic("threads", List.of("this support thread", "the customer email chain", "the forum discussion")),
                            new Subtopic("research", List.of("this technical paper", "the literature review", "the experiment log"))),
                    List.of("in three bullets", "briefly", "one paragraph", "the gist"),
                    List.of("for an executive who missed it, with decisions and owners", "keeping every number exact",
                            "separating facts from opinions", "across conflicting accounts", "with open risks and dependencies",
                            "in the style of our template", "preserving the caveats", "in two languages")));

    // ---------------------------------------------------------------- tenants and products
    //                                                 chat  rag   code  math  reas  class extr  summ
    static final ProductProfile ASSISTANT_PLATFORM = new ProductProfile(
            "assistant-platform",
            "Main sample: a multi-tenant assistant platform (chat, RAG, code, math, reasoning, classification,"
                    + " extraction, summarisation); calibrated to RouterBench-like structure.",
            24_000, 0.0, List.of(
                    new TenantProfile("acme-retail", "gold", 0.25, -5, mix(0.40, 0.25, 0, 0, 0, 0.15, 0.10, 0.10), 0.55, 0.12),
                    new TenantProfile("lexbridge-legal", "gold", 0.12, 1, mix(0.10, 0.40, 0, 0, 0, 0, 0.25, 0.25), 0.25, 0.08),
                    new TenantProfile("forgeworks-dev", "silver", 0.20, -8, mix(0.20, 0, 0.55, 0.05, 0.10, 0, 0.10, 0), 0.35, 0.15),
                    new TenantProfile("brightpath-edu", "silver", 0.13, 0, mix(0.25, 0, 0.10, 0.30, 0.30, 0, 0, 0.05), 0.70, 0.20),
                    new TenantProfile("datalume-analytics", "bronze", 0.18, 8, mix(0.10, 0, 0, 0, 0, 0.45, 0.35, 0.10), 0.60, 0.55),
                    new TenantProfile("wanderly-travel", "bronze", 0.12, 1, mix(0.55, 0.25, 0, 0, 0, 0.10, 0, 0.10), 0.90, 0.25)));

    static final ProductProfile SUPPORT_DESK = new ProductProfile(
            "support-desk",
            "Second product: a customer-support desk with easier, narrower traffic (tickets, knowledge-base answers,"
                    + " form extraction) where SLA targets up to 0.90 are reachable by category-level routing and 0.95 sits"
                    + " at the ceiling: for the what-ifs 'can this run on small models?' and 'what does 95% cost against 90%?'.",
            6_000, -1.1, List.of(
                    new TenantProfile("helpdesk-eu", "gold", 0.45, 1, mix(0.25, 0.35, 0, 0, 0, 0.25, 0.10, 0.05), 0.30, 0.10),
                    new TenantProfile("helpdesk-us", "silver", 0.35, -6, mix(0.30, 0.30, 0, 0, 0, 0.25, 0.15, 0), 0.35, 0.10),
                    new TenantProfile("helpdesk-apac", "bronze", 0.20, 9, mix(0.20, 0.20, 0, 0, 0, 0.40, 0.20, 0), 0.40, 0.15)));

    static final List<ProductProfile> PRODUCTS = List.of(ASSISTANT_PLATFORM, SUPPORT_DESK);

    private static double[] mix(double... weights) {
        if (weights.length != CATEGORY_ORDER.size()) {
            throw new IllegalArgumentException("a category mix needs one weight per category");
        }
        return weights;
    }

    /** Public read access for documentation and tests. */
    public static List<ModelProfile> models() {
        return MODELS;
    }

    public static List<CategoryProfile> categories() {
        return CATEGORIES;
    }

    public static List<ProductProfile> products() {
        return PRODUCTS;
    }
}
