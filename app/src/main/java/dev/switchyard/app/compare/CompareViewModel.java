package dev.switchyard.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.switchyard.app.common.DataTable;
import dev.switchyard.app.common.Formats;
import dev.switchyard.app.scenario.ScenarioOutcome;

/** Pinned scenarios, side by side. Never references a Node. */
public final class CompareViewModel {
    public static final int MAX_PINNED = 6;

    private final ObservableList<ScenarioOutcome> pinned = FXCollections.observableArrayList();
    /** Handed out instead of {@code pinned}: one wrapper, so listeners on it are not garbage-collected with a throwaway copy. */
    private final ObservableList<ScenarioOutcome> readOnlyPinned = FXCollections.unmodifiableObservableList(pinned);

    /**
     * Pins an outcome; the oldest goes when more than {@link #MAX_PINNED} are pinned.
     *
     * @return false when there was nothing to pin or it is already pinned
     */
    public boolean pin(ScenarioOutcome outcome) {
        if (outcome == null || pinned.contains(outcome)) {
            return false;
        }
        if (pinned.size() >= MAX_PINNED) {
            pinned.remove(0);
        }
        pinned.add(outcome);
        return true;
    }

    public void unpin(ScenarioOutcome outcome) {
        pinned.remove(outcome);
    }

    public void clear() {
        pinned.clear();
    }

    public ObservableList<ScenarioOutcome> pinned() {
        return readOnlyPinned;
    }

    /** Column names for the side-by-side table: "#1 SLARouter @ 90%, q=20%". */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < pinned.size(); i++) {
            names.add("#" + (i + 1) + " " + pinned.get(i).label());
        }
        return names;
    }

    /** KPI rows: what a PM compares first. */
    public record Kpi(String name, String explanation, Function<ScenarioOutcome, String> value) {
    }

    public static final List<Kpi> KPIS = List.of(
            new Kpi("Router", "Which routing algorithm picks the model for each request.",
                    o -> o.routerDisplayName() + (o.reconstructed() ? " (reconstructed)" : "")),
            new Kpi("SLA target", "The share of requests that must satisfy users.", o -> Formats.percent(o.target())),
            new Kpi("Feedback rate", "How often an unhappy user tells you.", o -> Formats.percent(o.settings().feedbackRate())),
            new Kpi("Monthly spend", "Average spend per month over the horizon.", o -> Formats.usd(o.monthlySpend())),
            new Kpi("Cost per 1,000 requests", "Spend divided by requests, times 1,000.", o -> Formats.usd(o.costPer1k())),
            new Kpi("Satisfaction", "Share of requests whose answer satisfied the user (simulated truth).",
                    o -> Formats.percent(o.satisfaction())),
            new Kpi("P(breached window)", "Chance that a contract window (the scenario's day, week, month or N requests) "
                    + "ends below the target, as the planner judges it.",
                    o -> Formats.percent(o.breachProbability()) + " of " + o.judgement().window() + "s"),
            new Kpi("Windows meeting target", "Expected share of contract windows at or above the target.",
                    o -> Formats.percent(o.windowCompliance())),
            new Kpi("Savings vs best fixed", "How much cheaper than always using the single best model.",
                    o -> Formats.percent(o.savingsVsBestFixed())),
            new Kpi("Monthly volume", "Requests in the first month.", o -> Formats.count(o.settings().monthlyVolume())),
            new Kpi("Horizon", "Months simulated.", o -> o.settings().horizonMonths() + " months"),
            new Kpi("Models in pool", "How many models the router may choose from.",
                    o -> o.settings().pool().isEmpty() ? "all" : Integer.toString(o.settings().pool().size())),
            new Kpi("Price sheet", "Which prices were used.",
                    o -> o.settings().priceSheet() == null ? "recorded costs" : o.settings().priceSheet()),
            new Kpi("Seed", "Same settings and seed give the same numbers.", o -> Long.toString(o.seed())));

    public DataTable kpiTable() {
        List<String> headers = new ArrayList<>();
        headers.add("figure");
        headers.addAll(columnNames());
        List<List<String>> rows = new ArrayList<>();
        for (Kpi k : KPIS) {
            List<String> row = new ArrayList<>();
            row.add(k.name());
            for (ScenarioOutcome o : pinned) {
                row.add(k.value().apply(o));
            }
            rows.add(row);
        }
        return new DataTable("Pinned scenarios", headers, rows);
    }

    /** Spend per month of each pinned scenario, one column each. */
    public DataTable spendTable() {
        List<String> headers = new ArrayList<>();
        headers.add("month");
        headers.addAll(columnNames());
        int months = pinned.stream().mapToInt(o -> o.months().size()).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(m + 1));
            for (ScenarioOutcome o : pinned) {
                row.add(m < o.months().size() ? Formats.plain(o.months().get(m).spendMean()) : "");
            }
            rows.add(row);
        }
        return new DataTable("Spend per month", headers, rows);
    }

    public DataTable satisfactionTable() {
        List<String> headers = new ArrayList<>();
        headers.add("month");
        headers.addAll(columnNames());
        int months = pinned.stream().mapToInt(o -> o.months().size()).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(m + 1));
            for (ScenarioOutcome o : pinned) {
                row.add(m < o.months().size() ? Formats.plain(o.months().get(m).satisfactionMean()) : "");
            }
            rows.add(row);
        }
        return new DataTable("Satisfaction per month", headers, rows);
    }
}
