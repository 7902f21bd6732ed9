package dev.switchyard.app.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;

/** How two price sheets differ, model by model: what a PM checks when a provider changes prices. */
public final class PriceDiff {
    private PriceDiff() {
    }

    public enum Change { ADDED, REMOVED, CHEAPER, DEARER, MIXED, UNCHANGED }

    /** One model's prices on both sheets (null where a sheet lacks the model). */
    public record Row(String model, ModelPrice before, ModelPrice after, Change change) {

        public double inputChange() {
            return relative(before == null ? Double.NaN : before.inputPer1M(), after == null ? Double.NaN : after.inputPer1M());
        }

        public double outputChange() {
            return relative(before == null ? Double.NaN : before.outputPer1M(), after == null ? Double.NaN : after.outputPer1M());
        }
    }

    public static List<Row> between(PriceSheet before, PriceSheet after) {
        Set<String> models = new LinkedHashSet<>(before.prices().keySet());
        models.addAll(after.prices().keySet());
        List<Row> rows = new ArrayList<>();
        for (String model : models) {
            ModelPrice a = before.prices().get(model);
            ModelPrice b = after.prices().get(model);
            rows.add(new Row(model, a, b, classify(a, b)));
        }
        return rows;
    }

    static Change classify(ModelPrice a, ModelPrice b) {
        if (a == null) {
            return Change.ADDED;
        }
        if (b == null) {
            return Change.REMOVED;
        }
        int in = Double.compare(b.inputPer1M(), a.inputPer1M());
        int out = Double.compare(b.outputPer1M(), a.outputPer1M());
        int fee = Double.compare(b.requestFee(), a.requestFee());
        boolean up = in > 0 || out > 0 || fee > 0;
        boolean down = in < 0 || out < 0 || fee < 0;
        if (up && down) {
            return Change.MIXED;
        }
        if (up) {
            return Change.DEARER;
        }
        if (down) {
            return Change.CHEAPER;
        }
        return Change.UNCHANGED;
    }

    static double relative(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return Double.NaN;
        }
        if (a == 0) {
            return b == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return (b - a) / a;
    }
}
