package dev.switchyard.app.scenario;

import java.util.Locale;

/**
 * Over what stretch satisfaction is measured against the target: a calendar day, week or month,
 * or a fixed number of requests.
 *
 * @param requests the window length when {@code unit} is {@link Unit#REQUESTS}, else 0
 */
public record SlaWindow(Unit unit, long requests) {

    public enum Unit { DAY, WEEK, MONTH, REQUESTS }

    public SlaWindow {
        if (unit == null) {
            throw new IllegalArgumentException("SLA window needs a unit");
        }
        if (unit == Unit.REQUESTS && requests < 100) {
            throw new IllegalArgumentException("an SLA window of N requests needs N >= 100, got " + requests);
        }
        if (unit != Unit.REQUESTS) {
            requests = 0;
        }
    }

    public static final SlaWindow DAY = new SlaWindow(Unit.DAY, 0);
    public static final SlaWindow WEEK = new SlaWindow(Unit.WEEK, 0);
    public static final SlaWindow MONTH = new SlaWindow(Unit.MONTH, 0);

    public static SlaWindow ofRequests(long n) {
        return new SlaWindow(Unit.REQUESTS, n);
    }

    @Override
    public String toString() {
        return unit == Unit.REQUESTS ? String.format(Locale.ROOT, "every %,d requests", requests)
                : unit.name().toLowerCase(Locale.ROOT);
    }
}
