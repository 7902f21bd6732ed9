package dev.switchyard.engine.routing;

import java.util.Locale;

/**
 * The SLA window the contract names, as a router is told it: the SLA is judged per window (a day,
 * a week, a 30-day month, or N requests), not only on the cumulative mean. A router assigns a
 * request to a window from what it sees: the request's timestamp for calendar windows (counted
 * from {@code originMillis}), its sequence number for N-request windows. Sequence numbers advance
 * by real requests, also where the simulator stands one simulated request in for many.
 *
 * @param kind which window; {@link Kind#CUMULATIVE} when only the cumulative mean is judged
 * @param requests window length in requests for {@link Kind#REQUESTS} (ignored otherwise)
 * @param originMillis epoch milliseconds where the first calendar window starts; {@link #FIRST_REQUEST}
 *        to start it at the first request the router sees (production, where the start is not known)
 */
public record SlaWindow(Kind kind, long requests, long originMillis) {
    /** Origin marker: the first calendar window starts at the first request's timestamp. */
    public static final long FIRST_REQUEST = Long.MIN_VALUE;
    public static final long DAY_MS = 86_400_000L;
    /** Days in a contract month (the simulator's month). */
    public static final int DAYS_PER_MONTH = 30;

    /** Window kinds, mirroring the scenario's SLA windows. */
    public enum Kind { CUMULATIVE, DAY, WEEK, MONTH, REQUESTS }

    public SlaWindow {
        if (kind == null) {
            throw new IllegalArgumentException("SLA window kind is missing");
        }
        if (kind == Kind.REQUESTS && requests < 1) {
            throw new IllegalArgumentException("an SLA window of N requests needs N >= 1, got " + requests);
        }
        if (kind != Kind.REQUESTS) {
            requests = 0;
        }
    }

    /** Only the cumulative mean is judged (what routers were told before windows existed). */
    public static SlaWindow cumulative() {
        return new SlaWindow(Kind.CUMULATIVE, 0, FIRST_REQUEST);
    }

    /** A window by name ({@code DAY}, {@code week}, ...), as scenarios and configuration files spell it. */
    public static SlaWindow of(String kind, long requests, long originMillis) {
        Kind k;
        try {
            k = Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown SLA window '" + kind + "'; expected day, week, month or requests");
        }
        return new SlaWindow(k, requests, originMillis);
    }

    /** True when a request's window is set by its sequence number rather than its timestamp. */
    public boolean bySequence() {
        return kind == Kind.REQUESTS;
    }

    /** Window length in the unit of its key: requests for N-request windows, milliseconds otherwise; 0 for cumulative. */
    public long length() {
        return switch (kind) {
            case CUMULATIVE -> 0;
            case DAY -> DAY_MS;
            case WEEK -> 7 * DAY_MS;
            case MONTH -> DAYS_PER_MONTH * DAY_MS;
            case REQUESTS -> requests;
        };
    }

    /** The key that places a request in a window: its sequence number or its timestamp. */
    public long key(RequestView request) {
        return bySequence() ? request.sequence() : request.timeMillis();
    }
}
