package dev.switchyard.engine.cli;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.plan.TimelineEvent;
import dev.switchyard.engine.plan.Timelines;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Price and catalog changes on the timeline ({@code simulate}, {@code recommend}, {@code negotiate}, {@code budget}). */
final class TimelineOptions {
    private static final Pattern PRICE_CHANGE = Pattern.compile("(?i)\\s*([^=@]+?)\\s*=\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*%\\s*@\\s*(?:month)?\\s*(\\d+)\\s*");
    private static final Pattern MODEL_AT = Pattern.compile("(?i)\\s*([^@]+?)\\s*@\\s*(?:month)?\\s*(\\d+)\\s*");
    private static final Pattern FILE_AT = Pattern.compile("(?i)(.+?)@(?:month)?(\\d+)");

    @Option(names = "--price-change", paramLabel = "WHO=PCT%@monthK",
            description = {"From month K on, every price of a provider (as the catalog names it) or of one model changes by PCT percent,",
                "e.g. --price-change anthropic=-30%%@month3 or --price-change gpt-5.4=+10%%@5 (repeatable)."})
    List<String> priceChanges = new ArrayList<>();

    @Option(names = "--price-sheet-from", paramLabel = "FILE[@monthK]",
            description = "A second price sheet that replaces --prices from its effective date (or from month K).")
    List<String> priceSheetsFrom = new ArrayList<>();

    @Option(names = "--model-joins", paramLabel = "ID@K",
            description = "A model of the traffic joins the pool in month K (before that it cannot be routed to), e.g. --model-joins deepseek-chat@4.")
    List<String> joins = new ArrayList<>();

    @Option(names = "--model-leaves", paramLabel = "ID@K", description = "A model leaves the pool from month K on.")
    List<String> leaves = new ArrayList<>();

    @Option(names = "--ignore-deprecations",
            description = "Do not take models out of the pool at their catalog deprecation dates (by default they leave then).")
    boolean ignoreDeprecations;

    List<TimelineEvent> events(Scenario base) throws ImportException, IOException {
        List<TimelineEvent> out = new ArrayList<>();
        for (String pc : priceChanges) {
            Matcher m = PRICE_CHANGE.matcher(pc);
            if (!m.matches()) {
                throw new IllegalArgumentException("--price-change '" + pc + "': expected WHO=PCT%@monthK, e.g. anthropic=-30%@month3");
            }
            double pct = Double.parseDouble(m.group(2));
            if (!(pct > -100)) {
                throw new IllegalArgumentException("--price-change '" + pc + "': a price cannot fall by 100% or more");
            }
            out.add(new TimelineEvent.PriceChange(m.group(1), 1 + pct / 100, Integer.parseInt(m.group(3))));
        }
        for (String f : priceSheetsFrom) {
            Matcher m = FILE_AT.matcher(f);
            Path file = Path.of(m.matches() && !Path.of(f).toFile().exists() ? m.group(1) : f);
            PriceSheet sheet = ScenarioOptions.loadPrices(file);
            out.add(m.matches() && !Path.of(f).toFile().exists() ? new TimelineEvent.PriceSheetFrom(sheet, Integer.parseInt(m.group(2)))
                    : Timelines.sheetFromEffectiveDate(base, sheet));
        }
        for (String j : joins) {
            Matcher m = MODEL_AT.matcher(j);
            if (!m.matches()) {
                throw new IllegalArgumentException("--model-joins '" + j + "': expected ID@K, e.g. deepseek-chat@4");
            }
            out.add(new TimelineEvent.ModelJoins(m.group(1), Integer.parseInt(m.group(2))));
        }
        for (String l : leaves) {
            Matcher m = MODEL_AT.matcher(l);
            if (!m.matches()) {
                throw new IllegalArgumentException("--model-leaves '" + l + "': expected ID@K, e.g. gpt-5.4@7");
            }
            out.add(new TimelineEvent.ModelLeaves(m.group(1), Integer.parseInt(m.group(2)), null));
        }
        if (!ignoreDeprecations) {
            out.addAll(Timelines.deprecations(base));
        }
        return out;
    }

}
