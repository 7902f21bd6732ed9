package dev.switchyard.app.plan;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import dev.switchyard.app.common.ChartCardTooltips;
import dev.switchyard.app.common.Formats;
import dev.switchyard.app.common.KpiTile;

/** "What can we promise for this much a month?": a budget field and the tile with the answer. */
public final class BudgetView extends HBox {
    final TextField field = new TextField();
    final KpiTile tile = new KpiTile("Budget buys",
            "The highest SLA target a deployable router keeps within the monthly budget, at the accepted breach risk, "
                    + "with the router and its spend. Type a monthly budget in the field.");

    public BudgetView(PlanViewModel vm) {
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        field.setId("budget-field");
        tile.setId("kpi-budget");
        field.setPromptText("e.g. 500 or 2.5K");
        field.setPrefColumnCount(8);
        Label label = new Label("Monthly budget (USD)");
        label.getStyleClass().add("control-label");
        ChartCardTooltips.install(label, "What the team can spend per month. The tile shows the highest SLA target "
                + "that budget can promise. Press Enter to apply.");
        ChartCardTooltips.install(field, "Type a monthly budget in dollars (500, $1,200, 2.5K) "
                + "and press Enter.");
        Label problem = new Label();
        problem.getStyleClass().add("notes");
        problem.setWrapText(true);
        field.setOnAction(e -> commit(vm, problem));
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit(vm, problem);
            }
        });
        VBox input = new VBox(3, label, field, problem);
        getChildren().addAll(input, tile);
        HBox.setHgrow(tile, Priority.ALWAYS);
        tile.setMaxWidth(Double.MAX_VALUE);
        tile.set("–", "type a monthly budget", KpiTile.Tone.NEUTRAL);
        vm.budgetProperty().addListener((o, was, now) -> render(vm));
        vm.budgetingProperty().addListener((o, was, now) -> render(vm));
        vm.budgetErrorProperty().addListener((o, was, now) -> render(vm));
    }

    private void commit(PlanViewModel vm, Label problem) {
        String why = vm.setBudgetText(field.getText());
        problem.setText(why == null ? "" : why);
        if (why == null) {
            field.getStyleClass().remove("invalid");
        } else if (!field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        }
    }

    private void render(PlanViewModel vm) {
        BudgetResult r = vm.budgetProperty().get();
        if (vm.budgetingProperty().get()) {
            tile.set("…", "finding the highest target", KpiTile.Tone.NEUTRAL);
        } else if (!vm.budgetErrorProperty().get().isEmpty()) {
            tile.set("–", vm.budgetErrorProperty().get(), KpiTile.Tone.BAD);
        } else if (r == null) {
            tile.set("–", "type a monthly budget", KpiTile.Tone.NEUTRAL);
        } else if (r.answer().isEmpty() || !Double.isFinite(r.maxTarget())) {
            tile.set("none", "no deployable router keeps any target within " + Formats.usd(r.monthlyBudget()) + " a month",
                    KpiTile.Tone.BAD);
        } else {
            Candidate c = r.answer().get();
            tile.set(Formats.percent(r.maxTarget()), c.displayName() + " at " + Formats.usd(c.monthlySpend()) + " a month, "
                    + Formats.percent(c.breachProbability()) + " breached", KpiTile.Tone.GOOD);
        }
    }
}
