package dev.switchyard.app.plan;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.switchyard.app.common.ChartCardTooltips;
import dev.switchyard.app.common.Formats;

/**
 * The first thing on the Scenario screen: which router keeps the target cheapest, what it costs,
 * how often it would breach, and why each other router lost. Bound to {@link PlanViewModel}.
 */
public final class RecommendationView extends VBox {
    private final PlanViewModel vm;
    final Label headline = new Label("Finding the cheapest router that keeps the target…");
    private final Label detail = new Label();
    private final Label others = new Label();
    private final Label context = new Label();
    private final Button show = new Button("Show it below");
    private final javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar(0);
    private final Label progressText = new Label();

    public RecommendationView(PlanViewModel vm, javafx.beans.value.ObservableValue<String> routerOnScreen) {
        this.vm = vm;
        setId("recommendation");
        getStyleClass().add("recommendation-panel");
        setSpacing(3);
        headline.setId("recommendation-headline");
        headline.getStyleClass().add("recommendation-headline");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        for (Label l : List.of(detail, others, context)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        others.setId("recommendation-others");
        context.getStyleClass().add("notes");
        show.setId("recommendation-apply");
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.setOnAction(e -> vm.apply());
        ChartCardTooltips.install(show, "Put the recommended router and its settings on this screen, so the tiles and charts "
                + "below show it month by month.");
        ChartCardTooltips.install(this, "The cheapest deployable router (with its settings) that keeps the SLA target in "
                + "every contract window with at most the accepted breach risk, every tier's target included. All routers "
                + "ran on the same simulated requests, so the comparison is fair.");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, headline, spacer, show);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(headline, Priority.ALWAYS);
        progress.setId("recommendation-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(vm.progressProperty());
        progressText.textProperty().bind(vm.progressTextProperty());
        progressText.getStyleClass().add("notes");
        HBox working = new HBox(8, progress, progressText);
        working.setAlignment(Pos.CENTER_LEFT);
        working.visibleProperty().bind(vm.recommendingProperty());
        working.managedProperty().bind(working.visibleProperty());
        getChildren().addAll(top, working, detail, others, context);
        vm.adviceProperty().addListener((o, was, now) -> render(now, routerOnScreen.getValue()));
        vm.recommendingProperty().addListener((o, was, now) -> render(vm.adviceProperty().get(), routerOnScreen.getValue()));
        vm.errorProperty().addListener((o, was, now) -> render(vm.adviceProperty().get(), routerOnScreen.getValue()));
        routerOnScreen.addListener((o, was, now) -> render(vm.adviceProperty().get(), now));
        vm.provisionalProperty().addListener((o, was, now) -> render(vm.adviceProperty().get(), routerOnScreen.getValue()));
        vm.recommendedOnScreenProperty().addListener((o, was, now) -> render(vm.adviceProperty().get(), routerOnScreen.getValue()));
        render(vm.adviceProperty().get(), routerOnScreen.getValue());
    }

    /** "week" -> "weeks"; "10000 requests" -> "windows of 10000 requests". */
    static String windows(String window) {
        if (window == null || window.isBlank()) {
            return "windows";
        }
        return window.contains(" ") ? "windows of " + window : window + "s";
    }

    /** While the analysis runs: the cheapest router that keeps the target among those judged so far, labelled as such. */
    static String provisionalText(List<Candidate> soFar) {
        if (soFar.isEmpty()) {
            return "Finding the cheapest router that keeps the target…";
        }
        Candidate best = Candidate.cheapestKeeping(soFar).orElse(null);
        String n = soFar.size() + (soFar.size() == 1 ? " router" : " routers") + " judged";
        return best == null ? "Still looking: none of the " + n + " so far keeps the target…"
                : "So far (" + n + "): " + best.displayName() + " keeps the target at " + Formats.usd(best.monthlySpend())
                + " a month, " + Formats.percent(best.breachProbability()) + " breached — provisional, the others are still running…";
    }

    /**
     * While the analysis runs: the provisional answer, saying which stage it comes from (decision 1100): the planner's
     * first look (a smaller simulation, wider intervals), the first replications at full detail, or the routers
     * confirmed so far.
     */
    static String provisionalText(Provisional p) {
        if (p == null || p.stage() == Provisional.Stage.ROUTERS_SO_FAR) {
            return provisionalText(p == null ? List.of() : p.candidates());
        }
        Candidate best = Candidate.cheapestKeeping(p.candidates()).orElse(null);
        String stage = p.stage() == Provisional.Stage.FIRST_LOOK
                ? "First look (quick simulation, wider intervals; checking at full detail)"
                : "Provisional (first replication at full detail; confirming with the others)";
        return best == null ? stage + ": none of the " + p.candidates().size() + " routers keeps the target so far…"
                : stage + ": " + best.displayName() + " keeps the target at " + Formats.usd(best.monthlySpend()) + " a month, "
                + Formats.percent(best.breachProbability()) + " breached…";
    }

    private void render(Advice a, String routerShown) {
        if (a == null) {
            String err = vm.errorProperty().get();
            Provisional p = vm.provisionalStageProperty().get();
            headline.setText(err != null && !err.isEmpty() ? err : p != null ? provisionalText(p)
                    : provisionalText(vm.provisionalProperty().get()));
            detail.setText("");
            others.setText("");
            context.setText(p == null || err != null && !err.isEmpty() ? "" : p.note());
            show.setVisible(false);
            return;
        }
        String window = a.window();
        String windows = windows(window);
        String promise = Formats.percent(a.target()) + " per " + window + ", at most " + Formats.percent(a.maxBreach())
                + " of " + windows + " breached";
        if (a.recommended().isEmpty()) {
            headline.setText("No deployable router keeps " + promise + ".");
            detail.setText("The highest satisfaction any deployable router reaches is " + Formats.percent(a.ceiling())
                    + (a.ceilingRouter() == null || a.ceilingRouter().isEmpty() ? "" : " (" + a.ceilingRouter() + ")")
                    + ": promise at most that, or accept a higher breach risk.");
            show.setVisible(false);
        } else {
            Candidate c = a.recommended().get();
            headline.setText("Recommended: " + c.displayName() + (c.reconstructed() ? " (reconstructed)" : "") + " — "
                    + Formats.usd(c.monthlySpend()) + " a month, " + Formats.percent(c.breachProbability()) + " of "
                    + windows + " breached");
            StringBuilder d = new StringBuilder("Keeps " + promise + ": " + Formats.percent(c.satisfaction())
                    + " of requests satisfied, " + Formats.usd(c.costPer1k()) + " per 1,000 requests");
            if (Math.abs(c.aimTarget() - a.target()) > 1e-9) {
                d.append("; set to aim at ").append(Formats.percent(c.aimTarget())).append(" for a safety margin");
            }
            if (Double.isFinite(c.breachHigh())) {
                d.append("; breach risk up to ").append(Formats.percent(c.breachHigh())).append(" (90% interval)");
            }
            d.append('.');
            detail.setText(d.toString());
            show.setVisible(!vm.recommendedOnScreenProperty().get());
        }
        List<String> lost = new ArrayList<>();
        for (Candidate c : a.others()) {
            String why = c.meetsSla() ? "keeps the target but costs " + Formats.usd(c.monthlySpend()) + " a month"
                    : Formats.usd(c.monthlySpend()) + " a month, but " + c.reason();
            lost.add(c.displayName() + ": " + why);
        }
        others.setText(lost.isEmpty() ? "" : "Why the others lost — " + String.join("; ", lost) + ".");
        List<String> ctx = new ArrayList<>();
        if (Double.isFinite(a.floorMonthlySpend())) {
            ctx.add("Theoretical floor (a hindsight bound, not deployable): " + Formats.usd(a.floorMonthlySpend()) + " a month.");
        }
        if (a.recommended().isPresent()) {
            ctx.add("Highest satisfaction any deployable router reaches: " + Formats.percent(a.ceiling())
                    + (a.ceilingRouter() == null || a.ceilingRouter().isEmpty() ? "" : " (" + a.ceilingRouter() + ")") + ".");
        }
        for (Advice.Event e : a.events()) {
            ctx.add("Includes: " + e.description() + ".");
        }
        ctx.add(String.format(java.util.Locale.ROOT, "Analysed in %.1f s. %s", a.seconds(), a.note() == null ? "" : a.note()));
        context.setText(String.join(" ", ctx));
    }
}
