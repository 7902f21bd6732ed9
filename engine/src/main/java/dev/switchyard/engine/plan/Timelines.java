package dev.switchyard.engine.plan;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.Scenario;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds timeline events from dates: the horizon's months are 30-day blocks from the sample's first day. */
public final class Timelines {
    private Timelines() {
    }

    /** The first simulated day. */
    public static LocalDate start(Scenario s) {
        return PreparedScenario.horizonStart(s.sample()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The 1-based month of the horizon that contains {@code date} (1 for dates before the start). */
    public static int monthOf(Scenario s, LocalDate date) {
        long days = ChronoUnit.DAYS.between(start(s), date);
        return days < 0 ? 1 : (int) (days / Scenario.Volume.DAYS_PER_MONTH) + 1;
    }

    /** The first day of 1-based month {@code month}. */
    public static LocalDate firstDay(Scenario s, int month) {
        return start(s).plusDays((long) (month - 1) * Scenario.Volume.DAYS_PER_MONTH);
    }

    /**
     * Every pool model whose catalog deprecation date falls inside the horizon leaves from the month that
     * contains that date (it cannot serve that whole month). Models deprecated before the start are left out
     * of the pool by the caller, not here.
     */
    public static List<TimelineEvent> deprecations(Scenario s) {
        List<TimelineEvent> out = new ArrayList<>();
        Catalog catalog = s.catalog();
        for (String model : s.pool()) {
            Optional<ModelInfo> info = catalog.resolve(model);
            if (info.isEmpty() || info.get().deprecationDate() == null) {
                continue;
            }
            LocalDate d = info.get().deprecationDate();
            int month = monthOf(s, d);
            if (!d.isBefore(start(s)) && month <= s.volume().months()) {
                out.add(new TimelineEvent.ModelLeaves(model, Math.max(1, month), d));
            }
        }
        return out;
    }

    /** A second price sheet from the month that contains its effective date. */
    public static TimelineEvent.PriceSheetFrom sheetFromEffectiveDate(Scenario s, PriceSheet sheet) {
        if (sheet.effectiveFrom() == null) {
            throw new IllegalArgumentException("price sheet " + sheet.label() + " has no effective date; say from which month it applies");
        }
        int month = monthOf(s, sheet.effectiveFrom());
        if (month > s.volume().months()) {
            throw new IllegalArgumentException("price sheet " + sheet.label() + " takes effect on " + sheet.effectiveFrom()
                    + ", after the horizon ends on " + firstDay(s, s.volume().months() + 1).minusDays(1));
        }
        return new TimelineEvent.PriceSheetFrom(sheet, month);
    }
}
