package dev.switchyard.engine.plan;

import dev.switchyard.engine.pricing.PriceSheet;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A change on the scenario's timeline, from the start of month {@code fromMonth} (1 = the first
 * month simulated) to the end of the horizon.
 */
public sealed interface TimelineEvent {

    /** First month (1-based) the change applies to. */
    int fromMonth();

    /** The change in words, for results and reports. */
    String describe();

    private static void checkMonth(int month) {
        if (month < 1) {
            throw new IllegalArgumentException("a timeline event starts in month 1 or later, got month " + month);
        }
    }

    /**
     * Every price of one provider (as the catalog names it) or one model is multiplied by {@code factor}.
     *
     * @param target provider name (e.g. {@code anthropic}) or model id
     * @param factor e.g. 0.7 for -30%
     */
    record PriceChange(String target, double factor, int fromMonth) implements TimelineEvent {
        public PriceChange {
            Objects.requireNonNull(target, "price change needs a provider or model");
            if (target.isBlank()) {
                throw new IllegalArgumentException("price change needs a provider or model name");
            }
            if (!(factor > 0 && factor < 100)) {
                throw new IllegalArgumentException("price change factor must be in (0, 100), got " + factor
                        + " (e.g. 0.7 for -30%)");
            }
            checkMonth(fromMonth);
        }

        @Override
        public String describe() {
            double pct = (factor - 1) * 100;
            return String.format(Locale.ROOT, "%s prices %s%.0f%% from month %d", target, pct >= 0 ? "+" : "", pct, fromMonth);
        }
    }

    /** A second price sheet replaces the scenario's from its effective month on. */
    record PriceSheetFrom(PriceSheet sheet, int fromMonth) implements TimelineEvent {
        public PriceSheetFrom {
            Objects.requireNonNull(sheet, "price sheet");
            checkMonth(fromMonth);
        }

        @Override
        public String describe() {
            return "price sheet " + sheet.label() + " applies from month " + fromMonth;
        }
    }

    /** A model of the traffic sample becomes available to route to from month {@code fromMonth}. */
    record ModelJoins(String model, int fromMonth) implements TimelineEvent {
        public ModelJoins {
            Objects.requireNonNull(model, "model");
            checkMonth(fromMonth);
        }

        @Override
        public String describe() {
            return model + " joins the pool in month " + fromMonth;
        }
    }

    /**
     * A model is no longer available from month {@code fromMonth} (e.g. its catalog deprecation date).
     *
     * @param date the deprecation date when the event comes from the catalog, else null
     */
    record ModelLeaves(String model, int fromMonth, LocalDate date) implements TimelineEvent {
        public ModelLeaves {
            Objects.requireNonNull(model, "model");
            checkMonth(fromMonth);
        }

        @Override
        public String describe() {
            return model + " leaves the pool from month " + fromMonth + (date == null ? "" : " (deprecated on " + date + ")");
        }
    }
}
