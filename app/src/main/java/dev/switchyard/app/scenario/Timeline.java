package dev.switchyard.app.scenario;

import java.util.List;

/**
 * What-ifs on the scenario's timeline, as the user set them: price changes from a month on, a
 * second price sheet from its effective date, models leaving at their catalog deprecation date.
 * The engine's planner turns them into timeline events (the recommendation, negotiation and budget
 * account for them).
 *
 * @param deprecations models leave the pool at their catalog deprecation date
 * @param sheetFromEffectiveDate label of a price sheet that replaces the scenario's from its effective date, or null
 */
public record Timeline(List<PriceChange> priceChanges, String sheetFromEffectiveDate, boolean deprecations) {

    public static final Timeline NONE = new Timeline(List.of(), null, false);

    public Timeline {
        priceChanges = List.copyOf(priceChanges);
    }

    /** Every price of one provider (or one model) times {@code factor} from month {@code fromMonth} (1-based) on. */
    public record PriceChange(String target, double factor, int fromMonth) {
        public PriceChange {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("a price change needs a provider or model");
            }
            if (!(factor > 0 && factor < 100)) {
                throw new IllegalArgumentException("a price change must keep prices above zero, got a factor of " + factor);
            }
            if (fromMonth < 1) {
                throw new IllegalArgumentException("a price change starts in month 1 or later, got " + fromMonth);
            }
        }
    }

    public boolean isEmpty() {
        return priceChanges.isEmpty() && sheetFromEffectiveDate == null && !deprecations;
    }
}
