package dev.switchyard.app.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;


import dev.switchyard.app.common.BandLineChart;
import dev.switchyard.app.common.ChartCard;
import dev.switchyard.app.common.ChartCardTooltips;
import dev.switchyard.app.common.Charts;
import dev.switchyard.app.common.DataTable;
import dev.switchyard.app.common.Formats;
import dev.switchyard.app.common.KpiTile;
import dev.switchyard.app.common.TaskRunner;


/**
 * The Scenario screen's right-hand side: the KPI tiles, the charts with their tables, the notes and the timeline's
 * markers, all showing the outcome the view model holds (the engine's figures, never recomputed here).
 */
final class ScenarioResults extends ScrollPane {
    static final int MAX_POINTS = ScenarioView.MAX_POINTS;

    private final ScenarioViewModel vm;
    private final TaskRunner runner;
    private final Label errorBanner = new Label();
    private final Label notes = new Label();

    final KpiTile spendTile = new KpiTile("Monthly spend",
            "Average spend per month over the horizon, across replications. Grows with the monthly volume.");
    final KpiTile per1kTile = new KpiTile("Per 1,000 requests",
            "What 1,000 requests cost on average with this router and these prices.");
    final KpiTile satisfactionTile = new KpiTile("Satisfaction",
            "Share of requests whose answer satisfied the user (the simulation's hidden truth), against the SLA target.");
    final KpiTile breachTile = new KpiTile("P(breached week)",
            "The chance that a contract window (the SLA window you chose: a day, a week, a month or N requests) ends "
                    + "below the SLA target, at its real request count, pooled over replications; the planner's own figure, "
                    + "with its 90% interval.");
    final KpiTile savingsTile = new KpiTile("Savings",
            "How much cheaper than sending every request to the single best model on this sample.");
    final KpiTile latencyTile = new KpiTile("Latency p95",
            "p95 of time to first token over the horizon (the engine's paired latency draws), against the latency target "
                    + "when one is set: the share of SLA windows whose percentile stays under L, and the share of requests "
                    + "a rate limit sent to a fallback model.");
    final KpiTile tierTile = new KpiTile("Lowest tier",
            "Satisfaction of each SLA tier of the traffic (e.g. gold, silver, bronze) against its target. "
                    + "Red when any tier falls short, even if the traffic as a whole meets the target.");
    private final Label previewBadge = new Label("Preview");

    final BandLineChart spendChart = new BandLineChart(Charts.axis("Month"), Charts.usdAxis("USD per month"));
    final LineChart<Number, Number> satisfactionChart;
    final StackedAreaChart<Number, Number> mixChart = new StackedAreaChart<>(Charts.axis("Month"),
            Charts.percentAxis("Requests", 0, 1));
    final BarChart<Number, String> spendShareChart = new BarChart<>(Charts.percentAxis("Share of spend", 0, 1), new CategoryAxis());
    final LineChart<Number, Number> traceChart = new LineChart<>(Charts.countAxis("Requests"), Charts.axis("Value"));
    final LineChart<Number, Number> latencyChart = new LineChart<>(Charts.axis("SLA window"), Charts.axis("ms"));
    private final List<ChartCard> cards = new ArrayList<>();
    private ChartCard traceCard;
    private VBox resultsBox;
    private ChartCard satisfactionCard;

    ScenarioResults(ScenarioViewModel vm, TaskRunner runner) {
        this.vm = vm;
        this.runner = runner;
        spendTile.setId("kpi-spend");
        per1kTile.setId("kpi-per1k");
        satisfactionTile.setId("kpi-satisfaction");
        breachTile.setId("kpi-breach");
        savingsTile.setId("kpi-savings");
        tierTile.setId("kpi-tiers");
        previewBadge.setId("preview-badge");
        spendChart.setId("spend-chart");
        NumberAxis satY = Charts.percentAxis("Satisfaction", 0.6, 1.0);
        satY.setAutoRanging(false);
        satisfactionChart = new LineChart<>(Charts.countAxis("SLA window"), satY);
        // small screens scroll; large ones give the charts all the height
        setContent(build());
        setFitToWidth(true);
        setFitToHeight(true);
        getStyleClass().add("results-pane");
        setMinWidth(0);
        vm.outcomeProperty().addListener((o, was, now) -> show(now));
        show(vm.outcomeProperty().get());
    }

    /**
     * Marks timeline events on the spend chart (the planner's events, with the months they start) and,
     * when there are any, draws the recommended plan's monthly spend with them as a line of its own.
     */
    void showTimeline(List<ScenarioView.Marker> events, String planName, List<Double> planMonthSpend) {
        timelineMarks = List.copyOf(events);
        planSpend = planMonthSpend == null ? List.of() : List.copyOf(planMonthSpend);
        planLabel = planName;
        applyTimeline();
    }


    private List<ScenarioView.Marker> timelineMarks = List.of();
    private List<Double> planSpend = List.of();
    private String planLabel = "";

    private void applyTimeline() {
        List<BandLineChart.Marker> marks = new ArrayList<>();
        for (ScenarioView.Marker m : timelineMarks) {
            String label = m.description().length() > 28 ? m.description().substring(0, 27) + "…" : m.description();
            marks.add(new BandLineChart.Marker(m.fromMonth(), label, m.description()));
        }
        spendChart.setMarkers(marks);
        spendChart.getData().removeIf(s -> s.getName() != null && s.getName().startsWith("Plan with events"));
        if (!timelineMarks.isEmpty() && !planSpend.isEmpty() && spendChart.getData().size() >= 3) {
            double[] x = new double[planSpend.size()];
            double[] y = new double[planSpend.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = planSpend.get(i);
            }
            XYChart.Series<Number, Number> plan = Charts.series("Plan with events (" + planLabel + ")", x, y, MAX_POINTS);
            spendChart.getData().add(plan);
            if (plan.getNode() != null) {
                plan.getNode().getStyleClass().add("plan-line");
            }
        }
    }

    // ---- results -----------------------------------------------------------------------------

    private Node build() {
        HBox tiles = new HBox(8, spendTile, per1kTile, satisfactionTile, breachTile, savingsTile, latencyTile, tierTile);
        for (KpiTile t : List.of(spendTile, per1kTile, satisfactionTile, breachTile, savingsTile, latencyTile, tierTile)) {
            HBox.setHgrow(t, Priority.ALWAYS);
            t.setMaxWidth(Double.MAX_VALUE);
        }
        for (var chart : List.of(spendChart, satisfactionChart, mixChart, spendShareChart, traceChart, latencyChart)) {
            chart.setAnimated(false);
        }
        spendChart.setCreateSymbols(false);
        spendChart.setLegendVisible(false);
        satisfactionChart.setCreateSymbols(false);
        traceChart.setCreateSymbols(false);
        traceChart.setLegendVisible(false);
        mixChart.setCreateSymbols(false);
        spendShareChart.setLegendVisible(false);
        spendShareChart.setCategoryGap(4);
        spendShareChart.setBarGap(0);
        mixChart.setLegendSide(javafx.geometry.Side.RIGHT);

        ChartCard spendCard = card("Spend per month", "Mean spend per month (line) and the P10-P90 band across "
                + "replications: in 8 of 10 simulated years, each month's spend falls inside the band.", spendChart,
                this::spendTable);
        satisfactionCard = card("Satisfaction per SLA window", "Share of satisfied requests in every complete SLA window "
                + "(first replication) against the target line, at each window's real request count (scaled months "
                + "included): the windows the breach tile counts. Points below the line are breached windows. A trailing "
                + "partial window is marked apart and not counted.",
                satisfactionChart, this::windowTable);
        ChartCard mixCard = card("Model mix over time", "Which models serve the traffic, month by month, as a share of requests.",
                mixChart, this::mixTable);
        ChartCard shareCard = card("Share of spend", "Where the money goes: each model's share of total spend over the horizon.",
                spendShareChart, this::spendShareTable);
        traceCard = card("Learning trace", "What the router has learned, over time. For SLARouter and PROTEUS: its price of "
                + "quality (written λ in the papers), how much extra cost it accepts for a better chance of a satisfied "
                + "request; it rises while the SLA is at risk and settles as the router learns. For fixed rules: the "
                + "running share of satisfied requests.",
                traceChart, this::traceTable);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        var c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setPercentWidth(50);
        var c2 = new javafx.scene.layout.ColumnConstraints();
        c2.setPercentWidth(50);
        grid.getColumnConstraints().addAll(c1, c2);
        for (int r = 0; r < 3; r++) {
            var rc = new javafx.scene.layout.RowConstraints();
            rc.setMinHeight(r == 2 ? 210 : 280);
            rc.setPrefHeight(r == 2 ? 240 : 300);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        grid.add(spendCard, 0, 0);
        grid.add(satisfactionCard, 1, 0);
        grid.add(mixCard, 0, 1);
        grid.add(shareCard, 1, 1);
        latencyChart.setCreateSymbols(false);
        ChartCard latencyCard = card("Latency per SLA window", "The latency percentile the SLA names (p95 unless set "
                + "otherwise) of time to first token in each complete SLA window (first replication), against the latency "
                + "target line when one is set. Points above the line are windows that miss it.", latencyChart,
                this::latencyTable);
        grid.add(traceCard, 0, 2);
        grid.add(latencyCard, 1, 2);
        VBox.setVgrow(grid, Priority.ALWAYS);

        errorBanner.getStyleClass().add("error-banner");
        errorBanner.setWrapText(true);
        errorBanner.setMaxWidth(Double.MAX_VALUE);
        errorBanner.textProperty().bind(vm.errorProperty());
        errorBanner.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        notes.getStyleClass().add("notes");
        notes.setWrapText(true);
        notes.setMinHeight(Region.USE_PREF_SIZE);

        previewBadge.getStyleClass().addAll("badge", "badge-info", "preview-badge");
        ChartCardTooltips.install(previewBadge, "These figures come from a quick, coarse run so the charts follow the "
                + "controls. The full run replaces them in a moment; only the full run's numbers are for quoting.");
        previewBadge.setVisible(false);
        previewBadge.setManaged(false);
        VBox right = new VBox(6, errorBanner, previewBadge, tiles, grid, notes);
        resultsBox = right;
        right.setPadding(new Insets(8));
        return right;
    }

    private ChartCard card(String title, String explanation, Node chart, java.util.function.Supplier<DataTable> table) {
        ChartCard c = new ChartCard(title, explanation, chart, table, runner);
        c.setEmptyMessage("Running the first simulation…");
        cards.add(c);
        return c;
    }

    private void show(ScenarioOutcome o) {
        if (o == null) {
            clear();
            return;
        }
        boolean preview = o.isPreview();
        previewBadge.setVisible(preview);
        previewBadge.setManaged(preview);
        for (KpiTile t : List.of(spendTile, per1kTile, satisfactionTile, breachTile, savingsTile, latencyTile, tierTile)) {
            t.getStyleClass().remove("preview");
            if (preview) {
                t.getStyleClass().add("preview");
            }
        }
        cards.forEach(c -> c.setEmptyMessage(null));
        double target = o.target();
        spendTile.set(Formats.usd(o.monthlySpend()), Formats.usd(o.monthlySpend() * o.settings().horizonMonths()) + " over "
                + o.settings().horizonMonths() + " months", KpiTile.Tone.NEUTRAL);
        per1kTile.set(Formats.usd(o.costPer1k()), Formats.count(o.settings().monthlyVolume()) + " requests/month",
                KpiTile.Tone.NEUTRAL);
        satisfactionTile.set(Formats.percentAgainst(o.satisfaction(), target), "target " + Formats.percent(target) + " ("
                + Formats.points(o.satisfaction() - target) + ")", o.satisfaction() >= target ? KpiTile.Tone.GOOD : KpiTile.Tone.BAD);
        ScenarioOutcome.Judgement judged = o.judgement();
        breachTile.setTitle("P(breached " + judged.window() + ")");
        String interval = Double.isFinite(judged.breachHigh())
                ? "90% interval " + Formats.percent(judged.breachLow()) + "–" + Formats.percent(judged.breachHigh()) : "no interval";
        String promise = judged.meetsSla() ? "keeps the promise" : "misses the promise";
        breachTile.set(Formats.percent(o.breachProbability()), interval + (judged.windows() > 0 ? " over " + judged.windows() + " "
                        + judged.window() + "s" : "") + "; " + promise,
                judged.meetsSla() ? KpiTile.Tone.GOOD : o.breachProbability() <= 0.3 ? KpiTile.Tone.NEUTRAL : KpiTile.Tone.BAD);
        savingsTile.set(Formats.percent(o.savingsVsBestFixed()), "vs the best single model",
                o.savingsVsBestFixed() > 0 ? KpiTile.Tone.GOOD : KpiTile.Tone.BAD);
        showTiers(o);
        showLatency(o);
        if (preview) {
            for (KpiTile t : List.of(spendTile, per1kTile, satisfactionTile, breachTile, savingsTile, latencyTile, tierTile)) {
                t.set(t.valueText(), "preview: " + t.detailText(), t.tone());
            }
        }

        int n = o.months().size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            ScenarioOutcome.Month m = o.months().get(i);
            x[i] = m.month();
            mean[i] = m.spendMean();
            lo[i] = m.spendP10();
            hi[i] = m.spendP90();
        }
        int[] keep = dev.switchyard.app.common.Downsample.lttb(x, mean, MAX_POINTS);
        spendChart.getData().setAll(List.of(Charts.seriesAt("P10", x, lo, keep), Charts.seriesAt("P90", x, hi, keep),
                Charts.seriesAt("Mean", x, mean, keep)));
        styleBandEdges(spendChart);
        monthAxis((NumberAxis) spendChart.getXAxis(), n);
        applyTimeline();

        double[] wx = new double[o.windows().size()];
        double[] wy = new double[o.windows().size()];
        for (int i = 0; i < wx.length; i++) {
            wx[i] = o.windows().get(i).index();
            wy[i] = o.windows().get(i).satisfaction();
        }
        double minY = target;
        for (double v : wy) {
            minY = Math.min(minY, v);
        }
        if (o.partialWindow() != null && Double.isFinite(o.partialWindow().satisfaction())) {
            minY = Math.min(minY, o.partialWindow().satisfaction());
        }
        NumberAxis satY = (NumberAxis) satisfactionChart.getYAxis();
        double lower = Math.max(0, Math.floor((minY - 0.02) * 20) / 20);
        satY.setLowerBound(lower);
        satY.setUpperBound(1.0);
        satY.setTickUnit((1.0 - lower) / 5);
        if (wx.length > 0) {
            XYChart.Series<Number, Number> s = Charts.series("Satisfaction", wx, wy, MAX_POINTS);
            XYChart.Series<Number, Number> t = Charts.series("Target " + Formats.percent(target),
                    new double[] {wx[0], wx[wx.length - 1]}, new double[] {target, target}, 2);
            List<XYChart.Series<Number, Number>> all = new ArrayList<>(List.of(s, t));
            ScenarioOutcome.PartialWindow pw = o.partialWindow();
            if (pw != null) {
                // reported apart, as the engine does: not one of the windows the breach figure counts
                XYChart.Series<Number, Number> p = new XYChart.Series<>();
                boolean judgedPartial = Double.isFinite(pw.satisfaction());
                p.setName("Partial window " + pw.index() + " (" + Formats.percent(pw.share()) + " of a " + o.judgement().window()
                        + (judgedPartial ? "), not counted" : "): not counted, too few simulated requests to judge"));
                if (judgedPartial) {
                    XYChart.Data<Number, Number> d = new XYChart.Data<>(pw.index(), pw.satisfaction());
                    javafx.scene.layout.StackPane mark = new javafx.scene.layout.StackPane();
                    mark.getStyleClass().add("partial-window-point");
                    d.setNode(mark);
                    p.getData().add(d);
                }
                all.add(p);
            }
            satisfactionChart.getData().setAll(all);
            if (t.getNode() != null) {
                t.getNode().getStyleClass().add("target-line");
            }
            satisfactionCard.setEmptyMessage(null);
        } else {
            satisfactionChart.getData().clear();
            satisfactionCard.setEmptyMessage("No SLA window completed within the horizon.");
        }
        NumberAxis windowAxis = (NumberAxis) satisfactionChart.getXAxis();
        windowAxis.setLabel("SLA window (" + o.settings().window() + ")");
        // the axis ends at the last window: an auto-ranged "55" for 52 weeks reads as three extra weeks
        windowAxis.setAutoRanging(false);
        windowAxis.setLowerBound(wx.length == 0 ? 0 : wx[0]);
        double lastIndex = wx.length == 0 ? 1 : wx[wx.length - 1];
        if (o.partialWindow() != null) {
            lastIndex = Math.max(lastIndex, o.partialWindow().index());
        }
        windowAxis.setUpperBound(wx.length == 0 ? 1 : Math.max(wx[0] + 1, lastIndex));
        windowAxis.setTickUnit(niceTick(windowAxis.getUpperBound() - windowAxis.getLowerBound()));
        windowAxis.setMinorTickVisible(false);

        // the biggest models by name, the rest as one band: twelve colours are unreadable
        double[] overall = new double[o.models().size()];
        for (int i = 0; i < n && i < o.requestShareByMonth().length; i++) {
            for (int j = 0; j < overall.length; j++) {
                overall[j] += o.requestShareByMonth()[i][j];
            }
        }
        // largest first, so the legend reads in order; models that served nothing are left out of the legend
        List<Integer> top = topIndices(overall, TOP_MODELS).stream().filter(j -> overall[j] > 0).toList();
        List<XYChart.Series<Number, Number>> mix = new ArrayList<>();
        double[] rest = new double[n];
        int others = 0;
        for (int j = 0; j < o.models().size(); j++) {
            if (top.contains(j) || overall[j] <= 0) {
                continue;
            }
            others++;
            for (int i = 0; i < n && i < o.requestShareByMonth().length; i++) {
                rest[i] += o.requestShareByMonth()[i][j];
            }
        }
        for (int j : top) {
            double[] share = new double[n];
            for (int i = 0; i < n && i < o.requestShareByMonth().length; i++) {
                share[i] = o.requestShareByMonth()[i][j];
            }
            mix.add(Charts.seriesAt(o.models().get(j) + " (" + Formats.percent(overall[j] / Math.max(1, n)) + ")", x, share, keep));
        }
        if (others > 0) {
            mix.add(Charts.seriesAt(others + (others == 1 ? " other model" : " other models"), x, rest, keep));
        }
        mixChart.getData().setAll(mix);
        monthAxis((NumberAxis) mixChart.getXAxis(), n);

        List<Integer> topSpend = topIndices(o.spendShare(), TOP_MODELS).stream().filter(j -> o.spendShare()[j] > 0).toList();
        XYChart.Series<Number, String> bars = new XYChart.Series<>();
        double other = 0;
        int otherCount = 0;
        for (int j = 0; j < o.models().size(); j++) {
            if (!topSpend.contains(j) && o.spendShare()[j] > 0) {
                other += o.spendShare()[j];
                otherCount++;
            }
        }
        // a category axis draws its first entry at the bottom: the largest share ends up on top
        if (otherCount > 0) {
            bars.getData().add(new XYChart.Data<>(other, otherCount + (otherCount == 1 ? " other" : " others")));
        }
        for (int k = topSpend.size() - 1; k >= 0; k--) {
            int j = topSpend.get(k);
            bars.getData().add(new XYChart.Data<>(o.spendShare()[j], o.models().get(j)));
        }
        spendShareChart.getData().setAll(List.of(bars));
        double maxShare = Arrays.stream(o.spendShare()).max().orElse(1);
        NumberAxis shareAxis = (NumberAxis) spendShareChart.getXAxis();
        shareAxis.setUpperBound(Math.min(1, Math.ceil(maxShare * 10 + 0.5) / 10));
        shareAxis.setTickUnit(shareAxis.getUpperBound() / 5);

        ScenarioOutcome.Trace trace = o.trace();
        if (trace.isEmpty()) {
            traceChart.getData().clear();
            traceCard.setEmptyMessage(trace.explanation());
        } else {
            traceChart.getData().setAll(List.of(Charts.series(trace.label(), trace.requests(), trace.values(), MAX_POINTS)));
            ((NumberAxis) traceChart.getYAxis()).setLabel(trace.label());
            traceCard.setEmptyMessage(null);
        }
        List<String> lines = new ArrayList<>(o.notes());
        if (!o.tiers().isEmpty()) {
            StringBuilder sb = new StringBuilder("Per tier: ");
            for (ScenarioOutcome.Tier t : o.tiers()) {
                sb.append(t.name()).append(' ').append(Formats.percent(t.satisfaction())).append(" satisfied, ")
                        .append(Formats.usd(t.costPer1k())).append(" per 1K (").append(Formats.percent(t.share()))
                        .append(" of traffic); ");
            }
            lines.add(0, sb.toString());
        }
        lines.add("Seed " + o.seed() + ", engine " + o.engineVersion() + ".");
        notes.setText(String.join("  ", lines));
        cards.forEach(ChartCard::refresh);
    }

    static final int TOP_MODELS = 6;

    /** The per-tier tile: the tier furthest below its target, red when any tier breaches. */
    private void showTiers(ScenarioOutcome o) {
        List<ScenarioOutcome.Tier> tiers = o.tiers();
        if (tiers.isEmpty()) {
            tierTile.set("–", "the traffic has no SLA tiers", KpiTile.Tone.NEUTRAL);
            return;
        }
        ScenarioOutcome.Tier worst = null;
        List<String> below = new ArrayList<>();
        List<String> ownMissed = new ArrayList<>();
        List<String> oftenBreached = new ArrayList<>();
        for (ScenarioOutcome.Tier t : tiers) {
            double tt = o.tierTarget(t.name());
            if (worst == null || t.satisfaction() - tt < worst.satisfaction() - o.tierTarget(worst.name())) {
                worst = t;
            }
            boolean own = o.settings().tierTargets().containsKey(t.name());
            if (t.satisfaction() < tt) {
                below.add(t.name());
            } else if (!t.meetsTarget() && own) {
                ownMissed.add(t.name());
            } else if (!t.meetsTarget()) {
                oftenBreached.add(t.name());
            }
        }
        String detail;
        KpiTile.Tone tone;
        if (!below.isEmpty() || !ownMissed.isEmpty()) {
            // a tier below its target on average, or a tier with a target of its own that breaches too often: red
            tone = KpiTile.Tone.BAD;
            List<String> bad = new ArrayList<>(below);
            bad.addAll(ownMissed);
            String first = bad.get(0);
            detail = bad.size() > 1 ? String.join(", ", bad) + " miss their target; lowest: " + worst.name()
                    : first + " (" + Formats.percent(tierShare(tiers, first)) + " of traffic) "
                    + (below.contains(first) ? "below its " + Formats.percent(o.tierTarget(first)) + " target"
                    : "misses its own " + Formats.percent(o.tierTarget(first)) + " target in too many " + o.judgement().window() + "s");
        } else if (!oftenBreached.isEmpty()) {
            // no tier target of its own: the contract is on the whole traffic, which holds; said, not alarmed
            tone = KpiTile.Tone.NEUTRAL;
            String first = oftenBreached.get(0);
            detail = first + " meets " + Formats.percent(o.tierTarget(first)) + " on average but not in every "
                    + o.judgement().window() + "; give it a tier target to hold it there";
        } else {
            tone = KpiTile.Tone.GOOD;
            detail = "all " + tiers.size() + " tiers meet their target; lowest: " + worst.name();
        }
        tierTile.set(Formats.percentAgainst(worst.satisfaction(), o.tierTarget(worst.name())), detail, tone);
    }

    /** The latency tile and chart: the engine's figures, never recomputed here. */
    private void showLatency(ScenarioOutcome o) {
        ScenarioOutcome.Latency l = o.latency();
        if (l == null || !Double.isFinite(l.p95Ms())) {
            latencyTile.set("–", "no latency figures for this run", KpiTile.Tone.NEUTRAL);
            latencyChart.getData().clear();
            return;
        }
        String pct = String.format(Locale.ROOT, "p%.0f", 100 * l.percentile());
        latencyTile.setTitle("Latency p95" + (l.metric().equals("total") ? " (total)" : " (first token)"));
        String rate = Formats.percent(l.rateLimitedShare()) + " rate-limited";
        if (l.hasTarget()) {
            boolean ok = l.percentileMs() <= l.targetMs();
            latencyTile.set(ms(l.p95Ms()), pct + " " + ms(l.percentileMs()) + " vs target " + ms(l.targetMs()) + tierLatencyText(o) + "; "
                    + Formats.percent(l.windowCompliance()) + " of " + o.judgement().window() + "s keep it"
                    + (l.hasWorstTier() && l.worstTierCompliance() < 1 ? " (judged per tier; " + l.worstTier() + " keeps it in "
                            + Formats.percent(l.worstTierCompliance()) + ")" : "") + "; " + rate,
                    ok && l.windowCompliance() >= 0.95 ? KpiTile.Tone.GOOD : ok ? KpiTile.Tone.NEUTRAL : KpiTile.Tone.BAD);
        } else {
            latencyTile.set(ms(l.p95Ms()), "no latency target; p50 " + ms(l.ttftP50()) + ", p99 " + ms(l.ttftP99()) + "; " + rate,
                    KpiTile.Tone.NEUTRAL);
        }
        List<Double> w = l.windowPercentiles();
        double[] x = new double[w.size()];
        double[] y = new double[w.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = w.get(i);
        }
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        if (x.length > 0) {
            all.add(Charts.series(pct + " per " + o.judgement().window(), x, y, MAX_POINTS));
            if (l.hasTarget()) {
                XYChart.Series<Number, Number> t = Charts.series("Target " + ms(l.targetMs()), new double[] {x[0], x[x.length - 1]},
                        new double[] {l.targetMs(), l.targetMs()}, 2);
                all.add(t);
            }
        }
        latencyChart.getData().setAll(all);
        if (all.size() > 1 && all.get(1).getNode() != null) {
            all.get(1).getNode().getStyleClass().add("target-line");
        }
        ((NumberAxis) latencyChart.getXAxis()).setLabel("SLA window (" + o.settings().window() + ")");
    }

    /** The tiers' own latency targets the run held, e.g. " (gold 1,500 ms)"; empty when no tier has its own. */
    private static String tierLatencyText(ScenarioOutcome o) {
        Map<String, Double> own = o.settings().latency().tierTargetsMs();
        if (own.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        own.forEach((tier, l) -> parts.add(tier + " " + ms(l)));
        return " (" + String.join(", ", parts) + ")";
    }

    private static String ms(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f ms", v) : "–";
    }

    private DataTable latencyTable() {
        ScenarioOutcome o = current();
        if (o == null || o.latency() == null) {
            return DataTable.empty("Latency per SLA window");
        }
        ScenarioOutcome.Latency l = o.latency();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < l.windowPercentiles().size(); i++) {
            double v = l.windowPercentiles().get(i);
            rows.add(List.of(Integer.toString(i + 1), ms(v), l.hasTarget() ? ms(l.targetMs()) : "none",
                    !l.hasTarget() ? "" : v <= l.targetMs() ? "met" : "missed"));
        }
        return new DataTable("Latency per SLA window", List.of("window", String.format(Locale.ROOT, "p%.0f", 100 * l.percentile()),
                "target", "status"), rows);
    }

    private static double tierShare(List<ScenarioOutcome.Tier> tiers, String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).mapToDouble(ScenarioOutcome.Tier::share).findFirst().orElse(0);
    }

    private static double tierMean(List<ScenarioOutcome.Tier> tiers, String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).mapToDouble(ScenarioOutcome.Tier::satisfaction).findFirst()
                .orElse(Double.NaN);
    }

    /** No result for the data on screen (new data, or a run that cannot start): nothing stale stays. */
    private void clear() {
        previewBadge.setVisible(false);
        previewBadge.setManaged(false);
        for (KpiTile t : List.of(spendTile, per1kTile, satisfactionTile, breachTile, savingsTile, latencyTile, tierTile)) {
            t.set("–", " ", KpiTile.Tone.NEUTRAL);
            t.getStyleClass().remove("preview");
        }
        for (var chart : List.<XYChart<?, ?>>of(spendChart, satisfactionChart, mixChart, spendShareChart, traceChart, latencyChart)) {
            chart.getData().clear();
        }
        cards.forEach(c -> c.setEmptyMessage("Running the simulation for the data on screen…"));
        notes.setText("");
        cards.forEach(ChartCard::refresh);
    }

    /** Indices of the {@code k} largest values, largest first. */
    static List<Integer> topIndices(double[] values, int k) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, order.length); i++) {
            out.add(order[i]);
        }
        return out;
    }

    /** A round tick step giving about 6-12 ticks over {@code span}. */
    static double niceTick(double span) {
        for (double step : new double[] {1, 2, 4, 5, 10, 13, 20, 25, 50, 100, 250, 500, 1000}) {
            if (span / step <= 12) {
                return step;
            }
        }
        return Math.ceil(span / 10);
    }

    private static void monthAxis(NumberAxis axis, int months) {
        axis.setAutoRanging(false);
        axis.setLowerBound(1);
        axis.setUpperBound(Math.max(2, months));
        axis.setTickUnit(months <= 12 ? 1 : months <= 24 ? 2 : 6);
        axis.setMinorTickVisible(false);
    }

    private static void styleBandEdges(LineChart<Number, Number> chart) {
        for (int i = 0; i < 2 && i < chart.getData().size(); i++) {
            Node line = chart.getData().get(i).getNode();
            if (line != null) {
                line.getStyleClass().add("band-edge");
            }
        }
    }

    // ---- tables behind the charts ---------------------------------------------------------------

    private ScenarioOutcome current() {
        return vm.outcomeProperty().get();
    }

    private DataTable spendTable() {
        ScenarioOutcome o = current();
        if (o == null) {
            return DataTable.empty("Spend per month");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioOutcome.Month m : o.months()) {
            rows.add(List.of(Integer.toString(m.month()), String.format(Locale.ROOT, "%.0f", m.requests()),
                    Formats.tableUsd(m.spendMean()), Formats.tableUsd(m.spendP10()), Formats.tableUsd(m.spendP90()),
                    Formats.tablePercent(m.satisfactionMean()), Formats.tablePercent(m.breachProbability())));
        }
        return new DataTable("Spend per month", List.of("month", "requests", "spend mean USD", "spend P10 USD",
                "spend P90 USD", "satisfaction", "P(breach)"), rows);
    }

    private DataTable windowTable() {
        ScenarioOutcome o = current();
        if (o == null) {
            return DataTable.empty("Satisfaction per SLA window");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioOutcome.Window w : o.windows()) {
            rows.add(List.of(Long.toString(w.index()), Formats.tablePercent(w.satisfaction()), Formats.tablePercent(o.target()),
                    w.satisfaction() >= o.target() ? "met" : "breached"));
        }
        ScenarioOutcome.PartialWindow pw = o.partialWindow();
        if (pw != null) {
            rows.add(List.of(pw.index() + " (partial, " + Formats.percent(pw.share()) + ")",
                    Double.isFinite(pw.satisfaction()) ? Formats.tablePercent(pw.satisfaction()) : "not judged",
                    Formats.tablePercent(o.target()), "not counted"));
        }
        return new DataTable("Satisfaction per SLA window", List.of("window", "satisfaction", "target", "status"), rows);
    }

    private DataTable mixTable() {
        ScenarioOutcome o = current();
        if (o == null) {
            return DataTable.empty("Model mix");
        }
        List<String> headers = new ArrayList<>();
        headers.add("month");
        headers.addAll(o.models());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < o.requestShareByMonth().length; i++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(i + 1));
            for (double v : o.requestShareByMonth()[i]) {
                row.add(Formats.tablePercent(v));
            }
            rows.add(row);
        }
        return new DataTable("Model mix (share of requests)", headers, rows);
    }

    private DataTable spendShareTable() {
        ScenarioOutcome o = current();
        if (o == null) {
            return DataTable.empty("Share of spend");
        }
        List<List<String>> rows = new ArrayList<>();
        // largest first, as the chart
        for (int j : topIndices(o.spendShare(), o.models().size())) {
            rows.add(List.of(o.models().get(j), Formats.tablePercent(o.spendShare()[j])));
        }
        return new DataTable("Share of spend", List.of("model", "share of spend"), rows);
    }

    private DataTable traceTable() {
        ScenarioOutcome o = current();
        if (o == null || o.trace().isEmpty()) {
            return DataTable.empty("Learning trace");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < o.trace().values().length; i++) {
            rows.add(List.of(String.format(Locale.ROOT, "%.0f", o.trace().requests()[i]),
                    String.format(Locale.ROOT, "%.4g", o.trace().values()[i])));
        }
        return new DataTable("Learning trace", List.of("requests", o.trace().label()), rows);
    }

    public List<ChartCard> cards() {
        return List.copyOf(cards);
    }

    /** Puts the planner's answers (recommendation, budget) first on the screen, above the tiles. */
    public void addLead(Node... nodes) {
        resultsBox.getChildren().addAll(1, List.of(nodes));
    }
}
