package dev.switchyard.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.CatalogJson;
import dev.switchyard.engine.inspect.SampleSummary;
import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.Json;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.pricing.importer.PriceImport;
import dev.switchyard.engine.pricing.importer.PriceImporter;
import dev.switchyard.engine.traffic.TrafficSample;
import dev.switchyard.engine.traffic.importer.ImportOptions;
import dev.switchyard.engine.traffic.importer.ImportReport;
import dev.switchyard.engine.traffic.importer.MissingCellPolicy;
import dev.switchyard.engine.traffic.importer.SkippedRow;
import dev.switchyard.engine.traffic.importer.TrafficImport;
import dev.switchyard.engine.traffic.importer.TrafficImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchyard inspect}: what a traffic sample holds, before any routing. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Summarise a traffic sample before any routing.",
            "Queries used and skipped, each model's mean score and mean cost, the best fixed model, the per-query oracle"
                    + " and the category mix."})
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--traffic", arity = "1..*", required = true, paramLabel = "FILE",
            description = "Traffic file(s): RouterBench wide CSV, long outcome CSV, SPROUT-style CSV, RouteLLM CSV. Several files are merged.")
    List<Path> traffic;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "Price sheet (native JSON, LiteLLM JSON, OpenRouter models JSON or simple CSV). Used when the traffic"
                    + " records no costs; always read and checked.")
    Path prices;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Model catalog (native JSON); model names resolve through its aliases.")
    Path catalog;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "DROP_ROW",
            description = "What to do with empty cells: DROP_ROW (default: leave the row out and report it) or DROP_MODEL.")
    MissingCellPolicy missing;

    @picocli.CommandLine.Mixin
    CsvDialectOptions csvDialect = new CsvDialectOptions();

    @Option(names = "--json", description = "Print exactly one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Catalog cat = catalog == null ? Catalog.empty() : CatalogJson.read(catalog);
            TrafficImport imported = TrafficImporter.importFiles(traffic,
                    new ImportOptions(cat, missing, null, null, null).withDialect(csvDialect.dialect()));
            TrafficSample sample = imported.sample();
            PriceSheet sheet = null;
            List<String> priceNotes = new java.util.ArrayList<>();
            if (prices != null) {
                // Read and check the sheet even when it will not be used: a broken file should not
                // wait for the day the traffic has no costs to say so.
                PriceImport read = PriceImporter.importWithNotes(prices, null, csvDialect.dialect());
                read.notes().forEach(n -> priceNotes.add(prices.getFileName() + ": " + n));
                if (sample.hasRecordedCosts()) {
                    priceNotes.add("the traffic records its own per-query costs, so the price sheet " + prices.getFileName()
                            + " is not used (it was read and is valid: " + read.sheet().prices().size() + " models priced)");
                } else {
                    sheet = read.sheet();
                }
            } else if (!sample.hasRecordedCosts()) {
                err.println("error: " + String.join(", ", sample.sources())
                        + " records no per-query costs; pass --prices FILE so each query can be priced from its tokens");
                return 2;
            }
            CostTable costs = CostTable.of(sample, sheet, cat);
            SampleSummary summary = SampleSummary.of(sample, costs);
            if (json) {
                ObjectNode root = toJson(summary, imported.report(), sample);
                root.put("priceSheetUsed", sheet != null);
                priceNotes.forEach(((ArrayNode) root.get("notes"))::add);
                out.println(Json.mapper().writeValueAsString(root));
            } else {
                printText(out, summary, imported.report());
                priceNotes.forEach(n -> out.println("note: " + n));
            }
            out.flush();
            return 0;
        } catch (ImportException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (CostTable.UnpricedModelsException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static ObjectNode toJson(SampleSummary s, ImportReport report, TrafficSample sample) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("sample", s.sampleName());
        root.put("queries", s.queries());
        root.put("skippedRows", report.skippedRows().size());
        root.put("rowsRead", report.rowsRead());
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedRow row : report.skippedRows().subList(0, Math.min(100, report.skippedRows().size()))) {
            skipped.addObject().put("file", row.file()).put("line", row.line()).put("reason", row.reason());
        }
        root.put("collidingIds", report.collidingIds());
        ArrayNode collisions = root.putArray("idCollisionExamples");
        report.collisionExamples().forEach(collisions::add);
        root.put("mergedRows", report.mergedRows());
        ArrayNode dropped = root.putArray("droppedModels");
        report.droppedModels().forEach(dropped::add);
        ArrayNode models = root.putArray("models");
        for (SampleSummary.ModelFigures m : s.models()) {
            models.addObject().put("id", m.id()).put("meanScore", m.meanScore()).put("meanCost", m.meanCost())
                    .put("meanOutputTokens", m.meanOutputTokens());
        }
        root.putObject("bestFixed").put("id", s.bestFixed().id()).put("meanScore", s.bestFixed().meanScore())
                .put("meanCost", s.bestFixed().meanCost());
        root.putObject("oracle").put("meanScore", s.oracle().meanScore()).put("meanCost", s.oracle().meanCost());
        ArrayNode categories = root.putArray("categories");
        for (SampleSummary.CategoryFigures c : s.categories()) {
            categories.addObject().put("name", c.name()).put("queries", c.queries())
                    .put("meanInputTokens", c.meanInputTokens());
        }
        root.put("costBasis", s.costBasis());
        ArrayNode sources = root.putArray("sources");
        sample.sources().forEach(sources::add);
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        root.put("engineVersion", EngineInfo.version());
        return root;
    }

    private static void printText(PrintWriter out, SampleSummary s, ImportReport report) {
        out.printf(Locale.ROOT, "Sample %s: %,d queries used, %,d rows skipped%n", s.sampleName(), s.queries(),
                report.skippedRows().size());
        for (SkippedRow row : report.skippedRows().subList(0, Math.min(10, report.skippedRows().size()))) {
            out.printf(Locale.ROOT, "  skipped %s line %d: %s%n", row.file(), row.line(), row.reason());
        }
        if (report.skippedRows().size() > 10) {
            out.printf(Locale.ROOT, "  ... and %,d more skipped rows (see --json)%n", report.skippedRows().size() - 10);
        }
        if (!report.droppedModels().isEmpty()) {
            out.println("Dropped models (missing cells): " + String.join(", ", report.droppedModels()));
        }
        out.println("Costs from " + s.costBasis());
        // As wide as the longest id (provider-prefixed ids run past 60 characters), so columns stay aligned.
        int width = 36;
        for (SampleSummary.ModelFigures m : s.models()) {
            width = Math.max(width, m.id().length());
        }
        String row = "%-" + width + "s %10.4f %14.6f %14.4f%n";
        out.printf(Locale.ROOT, "%n%-" + width + "s %10s %14s %14s%n", "model", "mean score", "USD / query", "USD / 1k req");
        for (SampleSummary.ModelFigures m : s.models()) {
            out.printf(Locale.ROOT, row, m.id(), m.meanScore(), m.meanCost(), m.meanCost() * 1000);
        }
        out.printf(Locale.ROOT, "%nBest fixed model: %s (mean score %.4f, USD %.6f per query)%n", s.bestFixed().id(),
                s.bestFixed().meanScore(), s.bestFixed().meanCost());
        out.printf(Locale.ROOT, "Per-query oracle (bound, not a router): mean score %.4f, USD %.6f per query%n",
                s.oracle().meanScore(), s.oracle().meanCost());
        out.printf(Locale.ROOT, "%nCategories:%n");
        int catWidth = 40;
        for (SampleSummary.CategoryFigures c : s.categories()) {
            catWidth = Math.max(catWidth, c.name().length());
        }
        for (SampleSummary.CategoryFigures c : s.categories()) {
            out.printf(Locale.ROOT, "  %-" + catWidth + "s %,9d queries%n", c.name(), c.queries());
        }
        for (String note : report.notes()) {
            out.println("note: " + note);
        }
    }
}
