package dev.switchyard.app.data;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.converter.DefaultStringConverter;

import dev.switchyard.app.common.ChartCard;
import dev.switchyard.app.common.ChartCardTooltips;
import dev.switchyard.app.common.Charts;
import dev.switchyard.app.common.DataTable;
import dev.switchyard.app.common.Formats;
import dev.switchyard.app.common.HeatMapGrid;
import dev.switchyard.app.common.KpiTile;
import dev.switchyard.app.common.TaskRunner;
import dev.switchyard.engine.catalog.LatencyProfile;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;

/** The data screen: catalog, price sheets (and their diff), traffic statistics; imports by menu or drop. */
public final class DataView extends VBox {
    private final DataViewModel vm;
    private final TaskRunner runner;

    final VBox problemPanel = new VBox(4);
    final Label problemWhere = new Label();
    final Label problemText = new Label();
    final Label problemExcerpt = new Label();
    final TableView<ModelInfo> catalogTable = new TableView<>();
    final TableView<PriceDiff.Row> diffTable = new TableView<>();
    final TableView<ModelPrice> priceTable = new TableView<>();
    private final ComboBox<String> priceSheetBox = new ComboBox<>();
    final BarChart<String, Number> categoryChart = new BarChart<>(new CategoryAxis(), Charts.countAxis("Queries"));
    final HeatMapGrid scoreMap = new HeatMapGrid();
    final HeatMapGrid costMap = new HeatMapGrid();
    final BarChart<String, Number> inputHistogram = new BarChart<>(new CategoryAxis(), Charts.countAxis("Queries"));
    final BarChart<String, Number> outputHistogram = new BarChart<>(new CategoryAxis(), Charts.countAxis("Answers"));
    final KpiTile oracleTile = new KpiTile("Per-query oracle", "The cheapest model with the best score for every "
            + "single query, chosen in hindsight. No real router can do better; it bounds what routing can save.");
    final KpiTile bestFixedTile = new KpiTile("Best fixed model", "The single model with the highest average score "
            + "on this sample. Savings are measured against always using it.");
    final KpiTile cheapestTile = new KpiTile("Cheapest model", "The single model with the lowest average cost per request.");
    private final Label costNote = new Label();
    private final List<ChartCard> cards = new ArrayList<>();
    private ChartCard costCard;

    public DataView(DataViewModel vm, TaskRunner runner) {
        this.vm = vm;
        this.runner = runner;
        getStyleClass().add("data-view");
        problemPanel.setId("import-problem");
        problemWhere.setId("import-problem-where");
        problemText.setId("import-problem-text");
        catalogTable.setId("catalog-table");
        setPadding(new Insets(8));
        setSpacing(6);

        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("data-summary");
        summary.setWrapText(true);
        Label notice = new Label();
        notice.textProperty().bind(vm.noticeProperty());
        notice.getStyleClass().add("notes");
        notice.setWrapText(true);
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        Label dropHint = new Label("Drop catalog, price-sheet or traffic files anywhere on this screen, or use File > Import.");
        dropHint.getStyleClass().add("drop-hint");

        buildProblemPanel();
        TabPane tabs = new TabPane(new Tab("Catalog", buildCatalog()), new Tab("Price sheets", buildPrices()),
                new Tab("Traffic", buildTraffic()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().select(2);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(summary, problemPanel, notice, dropHint, tabs);

        setOnDragOver(this::onDragOver);
        setOnDragDropped(this::onDragDropped);
        setOnDragExited(e -> getStyleClass().remove("drop-target"));
    }

    private void buildProblemPanel() {
        problemPanel.getStyleClass().add("problem-panel");
        Label title = new Label("Import failed; nothing was changed");
        title.getStyleClass().add("problem-title");
        problemWhere.getStyleClass().add("problem-where");
        problemText.setWrapText(true);
        problemExcerpt.getStyleClass().add("problem-excerpt");
        problemExcerpt.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problemExcerpt.setMinWidth(0);
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> vm.dismissProblem());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        problemPanel.getChildren().addAll(new HBox(8, title, spacer, dismiss), problemWhere, problemText, problemExcerpt);
        vm.problemProperty().addListener((o, was, now) -> showProblem(now));
        showProblem(vm.problemProperty().get());
    }

    private void showProblem(ImportProblem p) {
        problemPanel.setVisible(p != null);
        problemPanel.setManaged(p != null);
        if (p == null) {
            return;
        }
        problemWhere.setText(p.where());
        problemText.setText(p.problem());
        if (p.excerpt().isEmpty()) {
            problemExcerpt.setText("");
            problemExcerpt.setVisible(false);
            problemExcerpt.setManaged(false);
        } else {
            problemExcerpt.setText(excerpt(p));
            problemExcerpt.setVisible(true);
            problemExcerpt.setManaged(true);
        }
    }

    /** The offending line around the column, with a caret under it; long lines are windowed, not cut at the end. */
    static String excerpt(ImportProblem p) {
        String line = p.excerpt();
        String prefix = "line " + p.line() + ": ";
        if (p.column() <= 0) {
            return prefix + (line.length() > 100 ? line.substring(0, 100) + "…" : line);
        }
        int col = (int) Math.min(p.column() - 1, line.length());
        int from = Math.max(0, col - 50);
        int to = Math.min(line.length(), col + 40);
        String shown = (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
        int caret = prefix.length() + (from > 0 ? 1 : 0) + (col - from);
        return prefix + shown + "\n" + " ".repeat(caret) + "^";
    }

    private void onDragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            if (!getStyleClass().contains("drop-target")) {
                getStyleClass().add("drop-target");
            }
        }
        e.consume();
    }

    private void onDragDropped(DragEvent e) {
        boolean ok = false;
        if (e.getDragboard().hasFiles()) {
            vm.importDropped(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            ok = true;
        }
        getStyleClass().remove("drop-target");
        e.setDropCompleted(ok);
        e.consume();
    }

    // ---- catalog -------------------------------------------------------------------------------

    private Node buildCatalog() {
        catalogTable.setEditable(true);
        catalogTable.setItems(vm.models());
        catalogTable.setPlaceholder(new Label("No catalog loaded. Import one with File > Import catalog."));
        catalogTable.getColumns().add(readOnly("Id", ModelInfo::id, 170, "The model's id everywhere in Switchyard."));
        catalogTable.getColumns().add(editable("Display name", ModelInfo::displayName, 170, "Name shown in charts.",
                (m, v) -> with(m, v, null, null, null, null, null, null)));
        catalogTable.getColumns().add(editable("Provider", ModelInfo::provider, 110, "Who serves the model.",
                (m, v) -> with(m, null, v, null, null, null, null, null)));
        catalogTable.getColumns().add(editable("Tier", ModelInfo::tier, 90, "Price/quality class (e.g. frontier, mid, small).",
                (m, v) -> with(m, null, null, v, null, null, null, null)));
        catalogTable.getColumns().add(editable("Context window", m -> Integer.toString(m.contextWindow()), 110,
                "Maximum input tokens (0 = unknown).", (m, v) -> with(m, null, null, null, Integer.parseInt(v.strip()), null, null, null)));
        catalogTable.getColumns().add(editable("TTFT p50 ms", m -> m.latency() == null ? "" : Formats.plain(m.latency().ttftP50Ms()), 100,
                "Median time to first token, milliseconds.", (m, v) -> with(m, null, null, null, null, latency(m, v, 0), null, null)));
        catalogTable.getColumns().add(editable("Tokens/s", m -> m.latency() == null ? "" : Formats.plain(m.latency().outputTokensPerSecond()), 90,
                "Output speed, tokens per second.", (m, v) -> with(m, null, null, null, null, latency(m, v, 2), null, null)));
        catalogTable.getColumns().add(editable("Deprecation", m -> m.deprecationDate() == null ? "" : m.deprecationDate().toString(), 110,
                "Date the provider retires the model (YYYY-MM-DD), empty if none announced.",
                (m, v) -> with(m, null, null, null, null, null, v.isBlank() ? LocalDate.MIN : LocalDate.parse(v.strip()), null)));
        catalogTable.getColumns().add(readOnly("Aliases", m -> String.join(", ", m.aliases()), 200,
                "Other names of this model in price sheets and benchmark files."));
        catalogTable.getColumns().add(editable("Provenance", ModelInfo::provenance, 220, "Where these facts come from.",
                (m, v) -> with(m, null, null, null, null, null, null, v)));
        Button save = new Button("Save catalog as…");
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save catalog");
            fc.setInitialFileName("catalog.json");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Switchyard catalog", "*.json"));
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.saveCatalog(f.toPath());
            }
        });
        Label hint = new Label("Double-click a cell to edit; invalid values are rejected with the reason.");
        hint.getStyleClass().add("notes");
        HBox bar = new HBox(8, save, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, catalogTable, bar);
        VBox.setVgrow(catalogTable, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private LatencyProfile latency(ModelInfo m, String v, int which) {
        LatencyProfile l = m.latency() == null ? new LatencyProfile(0, 0, 0) : m.latency();
        double d = Double.parseDouble(v.strip());
        return switch (which) {
            case 0 -> l.withTtftP50Ms(d);
            default -> l.withOutputTokensPerSecond(d);
        };
    }

    private static ModelInfo with(ModelInfo m, String display, String provider, String tier, Integer context,
                                  LatencyProfile latency, LocalDate deprecation, String provenance) {
        return new ModelInfo(m.id(), display == null ? m.displayName() : display, provider == null ? m.provider() : provider,
                m.family(), tier == null ? m.tier() : tier, m.aliases(), context == null ? m.contextWindow() : context,
                m.maxOutputTokens(), latency == null ? m.latency() : latency, m.qualityPriors(),
                deprecation == null ? m.deprecationDate() : deprecation == LocalDate.MIN ? null : deprecation,
                provenance == null ? m.provenance() : provenance, m.rateLimit());
    }

    private static <T> TableColumn<T, String> readOnly(String name, Function<T, String> value, double width, String help) {
        TableColumn<T, String> c = new TableColumn<>();
        Label header = new Label(name);
        ChartCardTooltips.install(header, help);
        c.setGraphic(header);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        // wide enough for its header: clipped headers ("Input $...") were unreadable
        c.setPrefWidth(Math.max(width, name.length() * 8.5 + 30));
        c.setEditable(false);
        return c;
    }

    private TableColumn<ModelInfo, String> editable(String name, Function<ModelInfo, String> value, double width, String help,
                                                    BiFunction<ModelInfo, String, ModelInfo> apply) {
        TableColumn<ModelInfo, String> c = readOnly(name, value, width, help);
        c.setEditable(true);
        c.setCellFactory(col -> new TextFieldTableCell<>(new DefaultStringConverter()));
        c.setOnEditCommit(ev -> {
            ModelInfo m = ev.getRowValue();
            String error;
            try {
                error = vm.editModel(m.id(), apply.apply(m, ev.getNewValue()));
            } catch (RuntimeException ex) {
                error = ex.getMessage();
            }
            if (error != null) {
                runner.say("Edit of " + m.id() + " rejected: " + error);
                catalogTable.refresh();
            }
        });
        return c;
    }

    // ---- price sheets --------------------------------------------------------------------------

    private Node buildPrices() {
        priceSheetBox.setItems(vm.sheetLabels());
        priceSheetBox.valueProperty().addListener((o, was, now) -> showSheet(now));
        vm.sheetLabels().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (priceSheetBox.getValue() == null || !vm.sheetLabels().contains(priceSheetBox.getValue())) {
                priceSheetBox.setValue(vm.sheetLabels().isEmpty() ? null : vm.sheetLabels().get(vm.sheetLabels().size() - 1));
            } else {
                showSheet(priceSheetBox.getValue());
            }
        });
        priceTable.setPlaceholder(new Label("No price sheet loaded. Import one with File > Import price sheet."));
        priceTable.getColumns().add(readOnly("Model", ModelPrice::modelId, 170, "Model id on the sheet."));
        priceTable.getColumns().add(readOnly("Input $/1M", p -> Formats.plain(p.inputPer1M()), 100, "USD per million input tokens."));
        priceTable.getColumns().add(readOnly("Cached $/1M", p -> p.cachedInputPer1M() == null ? "as input" : Formats.plain(p.cachedInputPer1M()),
                100, "USD per million cached input tokens; 'as input' when the sheet has no cached price."));
        priceTable.getColumns().add(readOnly("Output $/1M", p -> Formats.plain(p.outputPer1M()), 100, "USD per million output tokens."));
        priceTable.getColumns().add(readOnly("Request fee", p -> Formats.plain(p.requestFee()), 90, "USD charged per request on top of tokens."));
        priceTable.getColumns().add(readOnly("Long-context tiers", p -> p.tiers().isEmpty() ? "" : p.tiers().size() + " tier(s) above "
                + p.tiers().get(0).aboveInputTokens() + " tokens", 170, "Different prices above an input length."));
        priceTable.getColumns().add(readOnly("Batch in/out", p -> p.batchInputPer1M() == null ? "" : Formats.plain(p.batchInputPer1M())
                + " / " + Formats.plain(p.batchOutputPer1M() == null ? Double.NaN : p.batchOutputPer1M()), 110, "Batch API prices per 1M tokens."));

        ComboBox<String> before = new ComboBox<>(vm.sheetLabels());
        before.valueProperty().bindBidirectional(vm.diffBeforeProperty());
        ComboBox<String> after = new ComboBox<>(vm.sheetLabels());
        after.valueProperty().bindBidirectional(vm.diffAfterProperty());
        diffTable.setItems(vm.diffRows());
        diffTable.setPlaceholder(new Label("Load two price sheets to compare them."));
        diffTable.getColumns().add(readOnly("Model", PriceDiff.Row::model, 170, "Model id."));
        diffTable.getColumns().add(readOnly("Change", r -> r.change().name().toLowerCase(java.util.Locale.ROOT), 90,
                "added, removed, cheaper, dearer, mixed (some prices up, some down) or unchanged"));
        diffTable.getColumns().add(readOnly("Input before", r -> r.before() == null ? "" : Formats.plain(r.before().inputPer1M()), 95, "USD per 1M input tokens, first sheet."));
        diffTable.getColumns().add(readOnly("Input after", r -> r.after() == null ? "" : Formats.plain(r.after().inputPer1M()), 95, "USD per 1M input tokens, second sheet."));
        diffTable.getColumns().add(readOnly("Input Δ", r -> pct(r.inputChange()), 80, "Relative change of the input price."));
        diffTable.getColumns().add(readOnly("Output before", r -> r.before() == null ? "" : Formats.plain(r.before().outputPer1M()), 95, "USD per 1M output tokens, first sheet."));
        diffTable.getColumns().add(readOnly("Output after", r -> r.after() == null ? "" : Formats.plain(r.after().outputPer1M()), 95, "USD per 1M output tokens, second sheet."));
        diffTable.getColumns().add(readOnly("Output Δ", r -> pct(r.outputChange()), 80, "Relative change of the output price."));
        diffTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(PriceDiff.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("diff-cheaper", "diff-dearer", "diff-added", "diff-removed");
                if (item != null && !empty) {
                    switch (item.change()) {
                        case CHEAPER -> getStyleClass().add("diff-cheaper");
                        case DEARER -> getStyleClass().add("diff-dearer");
                        case ADDED -> getStyleClass().add("diff-added");
                        case REMOVED -> getStyleClass().add("diff-removed");
                        default -> { }
                    }
                }
            }
        });
        HBox sheetBar = new HBox(8, new Label("Sheet"), priceSheetBox);
        sheetBar.setAlignment(Pos.CENTER_LEFT);
        HBox diffBar = new HBox(8, new Label("Compare"), before, new Label("with"), after);
        diffBar.setAlignment(Pos.CENTER_LEFT);
        Label diffTitle = new Label("Difference between two sheets");
        diffTitle.getStyleClass().add("chart-title");
        VBox box = new VBox(6, sheetBar, priceTable, diffTitle, diffBar, diffTable);
        VBox.setVgrow(priceTable, Priority.ALWAYS);
        VBox.setVgrow(diffTable, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private static String pct(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return "new price";
        }
        return String.format(java.util.Locale.ROOT, "%+.1f%%", v * 100);
    }

    private void showSheet(String label) {
        DataSet ds = vm.session().get();
        PriceSheet sheet = ds == null || label == null ? null : ds.sheet(label).orElse(null);
        priceTable.getItems().setAll(sheet == null ? List.of() : sheet.prices().values());
    }

    // ---- traffic -------------------------------------------------------------------------------

    private Node buildTraffic() {
        ComboBox<String> costSheet = new ComboBox<>(vm.sheetLabels());
        costSheet.valueProperty().bindBidirectional(vm.costSheetProperty());
        ChartCardTooltips.install(costSheet, "Prices used for the cost figures on this tab.");
        costNote.getStyleClass().add("notes");
        costNote.setWrapText(true);
        HBox bar = new HBox(8, new Label("Prices"), costSheet, costNote);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(costNote, Priority.ALWAYS);
        HBox refs = new HBox(8, oracleTile, bestFixedTile, cheapestTile);

        for (var c : List.of(categoryChart, inputHistogram, outputHistogram)) {
            c.setAnimated(false);
            c.setLegendVisible(false);
            c.setCategoryGap(2);
        }
        ((CategoryAxis) inputHistogram.getXAxis()).setLabel("Input tokens (bins double in width)");
        ((CategoryAxis) outputHistogram.getXAxis()).setLabel("Output tokens per answer");
        ChartCard catCard = card("Queries per category", "How many sample queries fall in each task category.",
                categoryChart, this::categoryTable);
        ChartCard scoreCard = card("Mean score: model x category", "Average quality score of each model on each "
                + "category (1 = always satisfies, 0 = never). Green is better.", scoreMap, this::scoreTable);
        costCard = card("Cost per 1,000 requests: model x category", "What 1,000 requests of each category cost "
                + "on each model with the chosen prices. Green is cheaper.", costMap, this::costTable);
        ChartCard inCard = card("Input tokens", "How long the prompts are.", inputHistogram, () -> histogramTable(true));
        ChartCard outCard = card("Output tokens", "How long the answers are, over every model's answer.", outputHistogram,
                () -> histogramTable(false));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        var c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setPercentWidth(50);
        var c2 = new javafx.scene.layout.ColumnConstraints();
        c2.setPercentWidth(50);
        grid.getColumnConstraints().addAll(c1, c2);
        grid.add(scoreCard, 0, 0);
        grid.add(costCard, 1, 0);
        grid.add(catCard, 0, 1);
        GridPane hist = new GridPane();
        hist.setHgap(8);
        var h1 = new javafx.scene.layout.ColumnConstraints();
        h1.setPercentWidth(50);
        var h2 = new javafx.scene.layout.ColumnConstraints();
        h2.setPercentWidth(50);
        hist.getColumnConstraints().addAll(h1, h2);
        hist.add(inCard, 0, 0);
        hist.add(outCard, 1, 0);
        grid.add(hist, 1, 1);
        for (ChartCard c : List.of(catCard, inCard, outCard)) {
            c.setPrefHeight(260);
        }
        VBox box = new VBox(8, bar, refs, grid);
        box.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        vm.statsProperty().addListener((o, was, now) -> showStats(now));
        showStats(vm.statsProperty().get());
        return scroll;
    }

    private ChartCard card(String title, String explanation, Node content, java.util.function.Supplier<DataTable> table) {
        ChartCard c = new ChartCard(title, explanation, content, table, runner);
        c.setEmptyMessage("Load traffic to see this.");
        cards.add(c);
        return c;
    }

    private void showStats(TrafficStats s) {
        if (s == null) {
            return;
        }
        cards.forEach(c -> c.setEmptyMessage(null));
        XYChart.Series<String, Number> cats = new XYChart.Series<>();
        for (int i = 0; i < s.categories().size(); i++) {
            cats.getData().add(new XYChart.Data<>(s.categories().get(i), s.queriesPerCategory()[i]));
        }
        categoryChart.getData().setAll(List.of(cats));
        scoreMap.show(s.models(), s.categories(), s.meanScore(), v -> String.format(java.util.Locale.ROOT, "%.2f", v), true,
                v -> "mean score " + String.format(java.util.Locale.ROOT, "%.3f", v));
        if (s.costPer1k() == null) {
            costMap.getChildren().clear();
            costCard.setEmptyMessage(s.costNote());
        } else {
            // costs span three orders of magnitude: colour by their logarithm
            costMap.showLog(s.models(), s.categories(), s.costPer1k(), DataView::shortUsd, false,
                    v -> Formats.usd(v) + " per 1,000 requests");
        }
        costNote.setText(s.costNote());
        inputHistogram.getData().setAll(List.of(histogram(s.inputTokens())));
        outputHistogram.getData().setAll(List.of(histogram(s.outputTokens())));
        oracleTile.set(Formats.percent(s.oracle().meanScore()), perK(s.oracle().costPer1k()), KpiTile.Tone.NEUTRAL);
        bestFixedTile.set(s.bestFixed().model(), Formats.percent(s.bestFixed().meanScore()) + " score, "
                + perK(s.bestFixed().costPer1k()), KpiTile.Tone.NEUTRAL);
        cheapestTile.set(s.cheapest().model().isEmpty() ? "–" : s.cheapest().model(), s.cheapest().model().isEmpty()
                ? "needs prices" : Formats.percent(s.cheapest().meanScore()) + " score, " + perK(s.cheapest().costPer1k()),
                KpiTile.Tone.NEUTRAL);
        cards.forEach(ChartCard::refresh);
    }

    private static String perK(double v) {
        return Double.isNaN(v) ? "cost needs prices" : Formats.usd(v) + " per 1K requests";
    }

    private static String shortUsd(double v) {
        if (v >= 100) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        if (v >= 1) {
            return String.format(java.util.Locale.ROOT, "%.2f", v);
        }
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static XYChart.Series<String, Number> histogram(TrafficStats.Histogram h) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        for (int i = 0; i < h.counts().length; i++) {
            s.getData().add(new XYChart.Data<>(binLabel(h.edges()[i]), h.counts()[i]));
        }
        return s;
    }

    private static String binLabel(long from) {
        return from >= 1024 ? (from / 1024) + "K" : Long.toString(from);
    }

    private DataTable categoryTable() {
        TrafficStats s = vm.statsProperty().get();
        if (s == null) {
            return DataTable.empty("Queries per category");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < s.categories().size(); i++) {
            rows.add(List.of(s.categories().get(i), Long.toString(s.queriesPerCategory()[i])));
        }
        return new DataTable("Queries per category", List.of("category", "queries"), rows);
    }

    private DataTable matrixTable(String title, double[][] m) {
        TrafficStats s = vm.statsProperty().get();
        if (s == null || m == null) {
            return DataTable.empty(title);
        }
        List<String> headers = new ArrayList<>();
        headers.add("model");
        headers.addAll(s.categories());
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < s.models().size(); j++) {
            List<String> row = new ArrayList<>();
            row.add(s.models().get(j));
            for (double v : m[j]) {
                row.add(Formats.plain(v));
            }
            rows.add(row);
        }
        return new DataTable(title, headers, rows);
    }

    private DataTable scoreTable() {
        TrafficStats s = vm.statsProperty().get();
        return matrixTable("Mean score", s == null ? null : s.meanScore());
    }

    private DataTable costTable() {
        TrafficStats s = vm.statsProperty().get();
        return matrixTable("USD per 1000 requests", s == null ? null : s.costPer1k());
    }

    private DataTable histogramTable(boolean input) {
        TrafficStats s = vm.statsProperty().get();
        if (s == null) {
            return DataTable.empty("Tokens");
        }
        TrafficStats.Histogram h = input ? s.inputTokens() : s.outputTokens();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < h.counts().length; i++) {
            rows.add(List.of(Long.toString(h.edges()[i]), Long.toString(h.edges()[i + 1]), Long.toString(h.counts()[i])));
        }
        return new DataTable(input ? "Input tokens" : "Output tokens", List.of("from tokens", "to tokens", "count"), rows);
    }

    public List<ChartCard> cards() {
        return List.copyOf(cards);
    }

}
